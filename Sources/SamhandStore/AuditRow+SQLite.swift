import Foundation
import GRDB
import GRDBSQLite
import SamhandAudit

/// The read-only file verifier's reads (SQLite only): rows stepped straight from SQLite's
/// column buffers, by position in the select, with the decoder the store's reads use
/// (`AuditRow.entry(from:)`). The verifier reads millions of rows; going through `StoreRow`
/// would copy every value twice.
extension AuditRow {
  /// Steps `statement` (a `selectSQL` query, arguments bound) row by row.
  static func forEachEntry(
    of statement: Statement, _ body: (Result<AuditEntry, Undecodable>) throws -> Void
  ) throws {
    try step(statement) { fields in try body(entry(from: &fields)) }
  }

  /// Every checkpoint row of `statement` (a `selectCheckpointsSQL` query), nil for one that
  /// cannot be decoded.
  static func checkpoints(of statement: Statement) throws -> [AuditCheckpoint?] {
    var checkpoints: [AuditCheckpoint?] = []
    try step(statement) { fields in checkpoints.append(checkpoint(from: &fields)) }
    return checkpoints
  }

  private static func step(
    _ statement: Statement, _ row: (inout ColumnFields) throws -> Void
  ) throws {
    let sqlite = statement.sqliteStatement
    sqlite3_reset(sqlite)
    defer { sqlite3_reset(sqlite) }
    while true {
      let code = sqlite3_step(sqlite)
      if code == SQLITE_DONE { return }
      guard code == SQLITE_ROW else {
        throw DatabaseError(
          resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errstr(code)))
      }
      var fields = ColumnFields(statement: sqlite)
      try row(&fields)
    }
  }
}

/// Reads the current row's columns left to right by storage class (the names are the
/// select's, in its order), returning nil instead of trapping on a value of the wrong type.
private struct ColumnFields: AuditColumns {
  let statement: SQLiteStatement
  var index: Int32 = 0

  private mutating func next(_ type: Int32) -> Int32? {
    defer { index += 1 }
    return sqlite3_column_type(statement, index) == type ? index : nil
  }

  mutating func int64(_ column: String) -> Int64? {
    next(SQLITE_INTEGER).map { sqlite3_column_int64(statement, $0) }
  }

  mutating func text(_ column: String) -> String? {
    next(SQLITE_TEXT).map { column in
      let count = Int(sqlite3_column_bytes(statement, column))
      guard let bytes = sqlite3_column_text(statement, column) else { return "" }
      return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }
  }

  mutating func blob(_ column: String) -> Data? {
    next(SQLITE_BLOB).map { column in
      let count = Int(sqlite3_column_bytes(statement, column))
      guard let bytes = sqlite3_column_blob(statement, column) else { return Data() }
      return Data(bytes: bytes, count: count)
    }
  }
}
