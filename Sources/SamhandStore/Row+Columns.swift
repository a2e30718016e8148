import Foundation
import SamhandCore

/// Typed reads of a row's columns by name: a value that does not parse makes the row corrupt
/// (`StoreError.corruptRow`), never a default value or a row silently left out.
extension StoreRow {
  /// The timestamp in `column` of a row of `table` with id `id`.
  func timestamp(_ column: String, table: String, id: String) throws -> Date {
    try StoreError.parsed(try self[column] as String, column, table: table, id: id, Timestamp.parse)
  }

  /// The timestamp in `column`, or nil where it is NULL.
  func optionalTimestamp(_ column: String, table: String, id: String) throws -> Date? {
    try (try self[column] as String?).map {
      try StoreError.parsed($0, column, table: table, id: id, Timestamp.parse)
    }
  }
}

extension StoreError {
  /// `text` from `column` parsed by `parse`; text it refuses (nil or a thrown error) makes the
  /// row corrupt.
  static func parsed<T>(
    _ text: String, _ column: String, table: String, id: String,
    _ parse: (String) throws -> T?
  ) throws -> T {
    guard let value = try? parse(text) else {
      throw StoreError.corruptRow(table: table, id: id, reason: "unreadable \(column)")
    }
    return value
  }
}

extension AggregateVersion {
  /// A row of `version, change, changed_by, changed_at` from `table` (plan or group versions).
  init(row: StoreRow, table: String, id: String) throws {
    self.init(
      version: try row["version"], change: try row["change"],
      changedBy: StaffID(rawValue: try row["changed_by"]),
      changedAt: try row.timestamp("changed_at", table: table, id: id))
  }
}
