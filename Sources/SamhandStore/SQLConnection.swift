/// The SQL dialect a connection speaks, for the few statements the backends spell apart.
public enum SQLDialect: String, Sendable {
  case sqlite
  case postgres
}

/// One connection inside one open transaction: what every repository needs of a database.
/// `GRDBConnection` (SQLite) and the PostgreSQL connection implement it, so the repositories
/// (`StoreTransaction+*.swift`) are written once. Calls are synchronous: a store runs its
/// transaction bodies on the blocking thread pool, never on an event loop.
public protocol SQLConnection {
  var dialect: SQLDialect { get }
  /// Runs a statement that returns no rows; the number of rows it inserted, changed or deleted.
  @discardableResult func execute(_ sql: StoreSQL) throws -> Int
  /// Every row the query returns.
  func fetchAll(_ sql: StoreSQL) throws -> [StoreRow]
  /// Calls `body` with each row in turn without holding them all, for long scans.
  func forEachRow(_ sql: StoreSQL, _ body: (StoreRow) throws -> Void) throws
  /// Runs `body` in a savepoint: when it throws, only its changes are undone.
  func savepoint<T>(_ body: () throws -> T) throws -> T
}

extension SQLConnection {
  /// The first row the query returns, if any.
  public func fetchOne(_ sql: StoreSQL) throws -> StoreRow? {
    var first: StoreRow?
    try forEachRow(sql) { row in
      if first == nil { first = row }
    }
    return first
  }

  /// The first column of the first row, or nil when there is no row or the value is NULL.
  public func fetchValue<T: StoreValueConvertible>(_ sql: StoreSQL, as type: T.Type = T.self)
    throws -> T?
  {
    guard let row = try fetchOne(sql) else { return nil }
    return try row.first(as: T?.self)
  }

  /// The first column of every row.
  public func fetchValues<T: StoreValueConvertible>(_ sql: StoreSQL, as type: T.Type = T.self)
    throws -> [T]
  {
    try fetchAll(sql).map { try $0.first(as: T.self) }
  }
}
