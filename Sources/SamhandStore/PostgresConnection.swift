import Foundation
import Logging
import NIOCore
import PostgresNIO

/// `SQLConnection` over one postgres-nio connection inside its transaction, so that the
/// repositories written for SQLite run on PostgreSQL unchanged.
///
/// postgres-nio is asynchronous; the repositories are synchronous on purpose: a transaction
/// body never suspends while its transaction is open, so no other work can interleave with it
/// on the same connection and no lock or snapshot is held across an `await`. The store runs
/// every body on the service's blocking thread pool (`NIOThreadPool`), never on an event
/// loop, and this adapter blocks that pool thread on each statement's future while the
/// connection's event loop does the I/O. (Waiting on an event loop would deadlock it; NIO
/// traps such a wait.)
final class PostgresConnection: SQLConnection {
  let connection: PostgresNIO.PostgresConnection
  private let logger: Logger
  /// How deep the open savepoints are nested, which names the next one.
  private var savepointDepth = 0
  /// Whether the connection was left in an unknown state (a rollback failed), so that the pool
  /// closes it instead of handing it to the next transaction.
  var isBroken = false

  init(_ connection: PostgresNIO.PostgresConnection, logger: Logger) {
    self.connection = connection
    self.logger = logger
  }

  var dialect: SQLDialect { .postgres }

  /// The affected row count comes from the command tag (`UPDATE 3`, `INSERT 0 1`).
  @discardableResult func execute(_ sql: StoreSQL) throws -> Int {
    try run(sql).metadata.rows ?? 0
  }

  func fetchAll(_ sql: StoreSQL) throws -> [StoreRow] {
    let result = try run(sql)
    guard let first = result.rows.first else { return [] }
    let columns = StoreColumns(
      names: first.map(\.columnName), source: StoreColumns.source(of: sql.text))
    return try result.rows.map { row in
      StoreRow(columns: columns, values: try row.map(PostgresValues.value))
    }
  }

  /// The server sends the whole result of one statement; the rows are handed over one by one.
  func forEachRow(_ sql: StoreSQL, _ body: (StoreRow) throws -> Void) throws {
    for row in try fetchAll(sql) { try body(row) }
  }

  func savepoint<T>(_ body: () throws -> T) throws -> T {
    savepointDepth += 1
    defer { savepointDepth -= 1 }
    let name = "samhand_savepoint_\(savepointDepth)"
    try execute(StoreSQL(sql: "SAVEPOINT \(name)"))
    do {
      let result = try body()
      try execute(StoreSQL(sql: "RELEASE SAVEPOINT \(name)"))
      return result
    } catch {
      try execute(StoreSQL(sql: "ROLLBACK TO SAVEPOINT \(name)"))
      try execute(StoreSQL(sql: "RELEASE SAVEPOINT \(name)"))
      throw error
    }
  }

  /// Runs several statements separated by semicolons, without arguments (a migration file).
  func executeScript(_ text: String) throws {
    for statement in PostgresScript.statements(text) {
      try execute(StoreSQL(sql: statement))
    }
  }

  private func run(_ sql: StoreSQL) throws -> PostgresQueryResult {
    try PostgresErrors.translating {
      try connection.query(PostgresValues.query(sql), logger: logger).wait()
    }
  }
}
