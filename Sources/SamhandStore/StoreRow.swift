import Foundation

/// One row a query returned, read by column name. A column that is missing or holds a value
/// of another type makes the read throw `StoreError.corruptRow`, never a crash or a default.
public struct StoreRow: Sendable {
  /// The column names, shared by every row of one result.
  let columns: StoreColumns
  let values: [StoreValue]

  init(columns: StoreColumns, values: [StoreValue]) {
    self.columns = columns
    self.values = values
  }

  /// The value in column `name`, converted to `T`.
  public subscript<T: StoreValueConvertible>(_ name: String) -> T {
    get throws {
      guard let index = columns.index[name] else {
        throw StoreError.corruptRow(
          table: columns.source, id: "?", reason: "no column \(name) in the result")
      }
      let value = values[index]
      guard let converted = T(storeValue: value) else {
        throw StoreError.corruptRow(
          table: columns.source, id: "?",
          reason: "column \(name) holds \(value.kind), not \(T.self)")
      }
      return converted
    }
  }

  /// Whether column `name` is NULL (or absent).
  public func isNull(_ name: String) -> Bool {
    guard let index = columns.index[name] else { return true }
    return values[index] == .null
  }

  /// The first column's value: for queries that select one value per row.
  func first<T: StoreValueConvertible>(as type: T.Type = T.self) throws -> T {
    guard let value = values.first, let converted = T(storeValue: value) else {
      throw StoreError.corruptRow(
        table: columns.source, id: "?",
        reason: "first column holds \(values.first?.kind ?? "nothing"), not \(T.self)")
    }
    return converted
  }
}

/// The column names of one result, with their positions, built once per statement.
final class StoreColumns: Sendable {
  let names: [String]
  let index: [String: Int]
  /// What the rows came from, for error messages (the statement's first table, or "query").
  let source: String

  init(names: [String], source: String) {
    self.names = names
    // A name selected twice resolves to its first position, as SQL's own lookup does.
    var index: [String: Int] = [:]
    for (position, name) in names.enumerated() where index[name] == nil {
      index[name] = position
    }
    self.index = index
    self.source = source
  }

  /// The first table named after FROM in `sql`, or "query".
  static func source(of sql: String) -> String {
    guard let range = sql.range(of: "FROM ", options: .caseInsensitive) else { return "query" }
    let rest = sql[range.upperBound...].drop { $0 == " " || $0 == "\n" }
    let name = rest.prefix { $0.isLetter || $0 == "_" || $0.isNumber }
    return name.isEmpty ? "query" : String(name)
  }
}
