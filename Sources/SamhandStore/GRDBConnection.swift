import Foundation
import GRDB

/// `SQLConnection` over a GRDB (SQLite) connection inside its transaction. Static statements
/// are prepared once per connection and kept (`cachedStatement`); others are prepared per call.
struct GRDBConnection: SQLConnection {
  let db: Database

  var dialect: SQLDialect { .sqlite }

  @discardableResult func execute(_ sql: StoreSQL) throws -> Int {
    try statement(sql).execute(arguments: arguments(sql))
    return db.changesCount
  }

  func fetchAll(_ sql: StoreSQL) throws -> [StoreRow] {
    var rows: [StoreRow] = []
    try forEachRow(sql) { rows.append($0) }
    return rows
  }

  func forEachRow(_ sql: StoreSQL, _ body: (StoreRow) throws -> Void) throws {
    let statement = try statement(sql)
    let columns = StoreColumns(
      names: statement.columnNames, source: StoreColumns.source(of: sql.text))
    let cursor = try Row.fetchCursor(statement, arguments: arguments(sql))
    while let row = try cursor.next() {
      try body(StoreRow(columns: columns, values: row.databaseValues.map(Self.value)))
    }
  }

  func savepoint<T>(_ body: () throws -> T) throws -> T {
    var result: T?
    try db.inSavepoint {
      result = try body()
      return .commit
    }
    guard let result else { throw StoreError.database("savepoint ended without a result") }
    return result
  }

  private func statement(_ sql: StoreSQL) throws -> Statement {
    sql.isStatic ? try db.cachedStatement(sql: sql.text) : try db.makeStatement(sql: sql.text)
  }

  private func arguments(_ sql: StoreSQL) -> StatementArguments {
    StatementArguments(sql.arguments.map(Self.databaseValue))
  }

  static func databaseValue(_ value: StoreValue) -> DatabaseValue {
    switch value {
    case .null: return .null
    case .integer(let integer): return integer.databaseValue
    case .real(let real): return real.databaseValue
    case .text(let text): return text.databaseValue
    case .blob(let data): return data.databaseValue
    }
  }

  static func value(_ value: DatabaseValue) -> StoreValue {
    switch value.storage {
    case .null: return .null
    case .int64(let integer): return .integer(integer)
    case .double(let real): return .real(real)
    case .string(let text): return .text(text)
    case .blob(let data): return .blob(data)
    }
  }
}
