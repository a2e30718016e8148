import Foundation
import Logging
import PostgresNIO
import SamhandCrypto
import SamhandTestSupport

@testable import SamhandStore

/// A database of its own on the server `SAMHAND_TEST_POSTGRES` names (for example
/// `postgres:///samhand_test?host=/tmp/samhand-pg`), created for one test and dropped after.
/// Without the variable the PostgreSQL tests are skipped, and say so.
final class PostgresFixture {
  static let server = ProcessInfo.processInfo.environment["SAMHAND_TEST_POSTGRES"].flatMap {
    PostgresURL($0)
  }
  static var isAvailable: Bool { server != nil }

  /// A schema small enough to test the store without the real migrations: the tables every
  /// transaction reads (key versions, shredded keys) and one with a column of each type.
  static let migrations: [(name: String, text: String)] = [
    (
      "0001_keys.sql",
      """
      CREATE TABLE key_versions (version INTEGER PRIMARY KEY, status TEXT NOT NULL,
        changed_at TEXT NOT NULL);
      CREATE TABLE shredded_keys (sequence BIGSERIAL PRIMARY KEY, recipient_id TEXT NOT NULL);
      """
    ),
    (
      "0002_probe.sql",
      """
      -- One column per kind; the default holds a ';' to prove the split.
      CREATE TABLE probe (id INTEGER PRIMARY KEY, count BIGINT, share DOUBLE PRECISION,
        note TEXT DEFAULT 'a;b', bytes BYTEA, small SMALLINT, flag BOOLEAN, amount NUMERIC);
      """
    ),
  ]

  let url: PostgresURL
  let keys: TemporaryDirectory
  let ring: KeyRing
  private let name: String

  init() async throws {
    let server = try Self.require()
    name = "samhand_t_\(UUID().uuidString.lowercased().filter(\.isHexDigit).prefix(16))"
    try await Self.administer(server, "CREATE DATABASE \(name)")
    switch server.endpoint {
    case .socket(let path):
      let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
      url = PostgresURL("postgres:///\(name)?host=\(directory)&user=\(server.user)")!
    case .tcp(let host, let port):
      url = PostgresURL("postgres://\(server.user)@\(host):\(port)/\(name)") ?? server
    }
    keys = try TemporaryDirectory("samhand-pg-keys")
    ring = try KeyRing.create(at: keys.url.appending(path: "keys"))
  }

  /// A store on this test's database with the fixture schema (or `migrations`).
  func store(migrations: [(name: String, text: String)] = PostgresFixture.migrations) throws
    -> PostgresStore
  {
    try PostgresStore.connect(
      url: url, migrations: migrations, keys: LiveKeyRing(ring, keysDirectory: nil))
  }

  /// Drops the database, closing whatever is still connected to it.
  func drop() async throws {
    try await Self.administer(try Self.require(), "DROP DATABASE \(name) WITH (FORCE)")
  }

  private static func require() throws -> PostgresURL {
    guard let server else { throw StoreError.database("SAMHAND_TEST_POSTGRES is not set") }
    return server
  }

  /// Runs `statement` outside any transaction (CREATE DATABASE cannot run in one).
  private static func administer(_ server: PostgresURL, _ statement: String) async throws {
    let configuration: PostgresNIO.PostgresConnection.Configuration
    switch server.endpoint {
    case .socket(let path):
      configuration = .init(
        unixSocketPath: path, username: server.user, password: server.password,
        database: server.database)
    case .tcp(let host, let port):
      configuration = .init(
        host: host, port: port, username: server.user, password: server.password,
        database: server.database, tls: .disable)
    }
    let logger = Logger(label: "samhand.test.postgres") { _ in SwiftLogNoOpLogHandler() }
    let connection = try await PostgresNIO.PostgresConnection.connect(
      configuration: configuration, id: 1, logger: logger)
    do {
      try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
    } catch {
      try await connection.close()
      throw error
    }
    try await connection.close()
  }
}
