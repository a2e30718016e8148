import GRDB

extension StoreTransaction {
  /// Runs `body` and answers the tables its statements read, each with how many statements
  /// read it: for checking that the access generation covers every table the access facts
  /// come from, and that gathering them reads each table once. SQLite only: the statements
  /// are traced and their tables found by SQLite's own analysis of them (GRDB's
  /// `databaseRegion`), which the backend-neutral connection does not offer.
  public func tableReads(by body: () throws -> Void) throws -> [String: Int] {
    guard let db = (connection as? GRDBConnection)?.db else {
      throw StoreError.database("table reads are traced on SQLite only")
    }
    var statements: [String] = []
    db.trace(options: .statement) { event in
      if case .statement(let statement) = event { statements.append(statement.sql) }
    }
    defer { db.trace(options: [], nil) }
    try body()
    let tables = try connection.fetchValues(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
      as: String.self)
    var reads: [String: Int] = [:]
    for sql in statements {
      let region = try db.makeStatement(sql: sql).databaseRegion
      for table in tables where region.isModified(byEventsOfKind: .insert(tableName: table)) {
        reads[table, default: 0] += 1
      }
    }
    return reads
  }
}
