import Logging
import NIOCore
import NIOPosix
import PostgresNIO
import Synchronization

/// The open connections to one PostgreSQL database, kept between transactions so that a
/// request does not pay for a login. A transaction takes one for its whole length; when none
/// is idle a new one is opened, and at most `maximumIdle` are kept afterwards.
final class PostgresPool: Sendable {
  let url: PostgresURL
  private let maximumIdle: Int
  private let idle = Mutex<[PostgresNIO.PostgresConnection]>([])
  private let nextID = Atomic<Int>(0)
  /// Logs nothing: postgres-nio's records could carry statements, and a bound value must
  /// never reach a log.
  private let logger = Logger(label: "samhand.postgres") { _ in SwiftLogNoOpLogHandler() }

  init(url: PostgresURL, maximumIdle: Int = 8) {
    self.url = url
    self.maximumIdle = maximumIdle
  }

  /// Runs `body` in one transaction begun with `begin`: it commits when `body` returns and is
  /// rolled back when it throws. A commit the server turned into a rollback (the transaction
  /// had failed and its error was caught) throws.
  func transaction<T>(begin: String, _ body: (PostgresConnection) throws -> T) throws -> T {
    try withConnection { session in
      try session.execute(StoreSQL(sql: begin))
      let result: T
      do {
        result = try body(session)
      } catch {
        do { try session.execute("ROLLBACK") } catch { session.isBroken = true }
        throw error
      }
      let commit = try PostgresErrors.translating {
        try session.connection.query("COMMIT", logger: logger).wait()
      }
      guard commit.metadata.command == "COMMIT" else {
        throw StoreError.database("the transaction failed and was rolled back")
      }
      return result
    }
  }

  /// Runs `body` on a connection of the pool outside any transaction (VACUUM cannot run in
  /// one). A connection left in an unknown state is closed, never reused.
  func withConnection<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
    let session = PostgresConnection(try acquire(), logger: logger)
    defer { release(session.connection, reusable: !session.isBroken) }
    return try body(session)
  }

  /// Closes the idle connections; connections in use close when their transaction ends.
  func close() {
    let connections = idle.withLock { idle in
      defer { idle.removeAll() }
      return idle
    }
    connections.forEach(Self.discard)
  }

  deinit { close() }

  /// Closes `connection` without waiting, keeping it alive until it is closed (postgres-nio
  /// requires a connection be closed before it goes).
  private static func discard(_ connection: PostgresNIO.PostgresConnection) {
    connection.close().whenComplete { _ in withExtendedLifetime(connection) {} }
  }

  private func acquire() throws -> PostgresNIO.PostgresConnection {
    if let connection = idle.withLock({ $0.popLast() }), !connection.isClosed {
      return connection
    }
    do {
      return try PostgresNIO.PostgresConnection.connect(
        on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration,
        id: nextID.wrappingAdd(1, ordering: .relaxed).newValue, logger: logger
      ).wait()
    } catch {
      throw PostgresErrors.cannotOpen(url, error)
    }
  }

  private func release(_ connection: PostgresNIO.PostgresConnection, reusable: Bool) {
    let kept =
      reusable && !connection.isClosed
      && idle.withLock { idle in
        guard idle.count < maximumIdle else { return false }
        idle.append(connection)
        return true
      }
    if !kept { Self.discard(connection) }
  }

  private var configuration: PostgresNIO.PostgresConnection.Configuration {
    switch url.endpoint {
    case .tcp(let host, let port):
      return .init(
        host: host, port: port, username: url.user, password: url.password,
        database: url.database, tls: .disable)
    case .socket(let path):
      return .init(
        unixSocketPath: path, username: url.user, password: url.password,
        database: url.database)
    }
  }
}
