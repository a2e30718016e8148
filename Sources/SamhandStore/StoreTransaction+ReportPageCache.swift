import GRDB

extension StoreTransaction {
  /// Runs `body` with a page cache large enough for a report's joins over the municipality
  /// (32 MiB instead of SQLite's 2 MiB), then gives the memory back, also when `body`
  /// throws. Reads are not memory mapped (`SQLiteStore`), so without it every probe into an
  /// index that does not fit is a read from the file: about half the CPU time of a report at
  /// 100 000 recipients.
  func withReportPageCache<T>(_ body: () throws -> T) throws -> T {
    let previous = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
    try db.execute(sql: "PRAGMA cache_size = -32768")
    let result = Result { try body() }
    try db.execute(sql: "PRAGMA cache_size = \(previous)")
    return try result.get()
  }
}
