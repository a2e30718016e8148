import Foundation
import SamhandCore
import SamhandCrypto

/// The PostgreSQL implementation of the store, for several `samhand serve` processes on one
/// database: the same repositories as SQLite, run through `PostgresConnection`.
///
/// Every write transaction first takes one transaction-level advisory lock
/// (`pg_advisory_xact_lock` on `writeLockKey`), so writes are serialized across every server
/// process exactly as SQLite's single writer serializes them in one: each audit append sees
/// the head the previous one committed, and the Merkle log can never fork. Reads are
/// `REPEATABLE READ READ ONLY` snapshots and never wait for the lock.
///
/// ```swift
/// let store = try PostgresStore.open(url: url, keyRing: ring)
/// let id = try store.write { try $0.insertRecipient(newRecipient) }
/// ```
public struct PostgresStore: Store {
  let pool: PostgresPool
  /// The audit tree's right edge after this process's last append (see `AuditTreeEdge`).
  let auditEdge = AuditTreeEdge()
  /// The key ring, following the key versions the database records (see `LiveKeyRing`).
  public let keys: LiveKeyRing
  public let checkpointInterval: Int
  public let clock: any WallClock

  /// The advisory lock every write transaction holds: "Samhand" in ASCII.
  static let writeLockKey: Int64 = 23_469_545_597_529_700

  /// Connects, applies the migrations of `migrations/postgres/`, and records or follows the
  /// key versions as `SQLiteStore.open` does.
  public static func open(
    url: PostgresURL, keyRing: KeyRing, keysDirectory: URL? = nil, auditSigningKey: URL? = nil,
    checkpointInterval: Int = 1000, clock: any WallClock = SystemClock()
  ) throws -> PostgresStore {
    let store = try connect(
      url: url, migrations: embeddedPostgresMigrations,
      keys: LiveKeyRing(keyRing, keysDirectory: keysDirectory, auditSigningKey: auditSigningKey),
      checkpointInterval: checkpointInterval, clock: clock)
    try store.write { try AuditTreeUpgrade.run($0.connection, keyRing: keyRing) }
    try store.write { transaction in
      try transaction.recordKeyVersionsIfNone(of: keyRing)
      _ = try store.keys.reload(following: transaction.recordedKeyVersions())
    }
    return store
  }

  /// Connects and applies `migrations`, without touching the key versions: `open`'s first
  /// half, and what tests with a schema of their own use.
  static func connect(
    url: PostgresURL, migrations: [(name: String, text: String)], keys: LiveKeyRing,
    checkpointInterval: Int = 1000, clock: any WallClock = SystemClock()
  ) throws -> PostgresStore {
    let pool = PostgresPool(url: url)
    try PostgresMigrations.apply(migrations, on: pool)
    let shredded = try pool.transaction(begin: readBegin) { try ShreddedKeys.lastSequence($0) }
    keys.shreddedUpTo.withLock { $0 = max($0, shredded) }
    return PostgresStore(
      pool: pool, keys: keys, checkpointInterval: max(1, checkpointInterval), clock: clock)
  }

  private static let readBegin = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"

  /// Runs `body` in a read-only snapshot of the last commit, taken at its first statement.
  public func read<T>(_ body: (StoreTransaction) throws -> T) throws -> T {
    try pool.transaction(begin: Self.readBegin) { connection in
      try ShreddedKeys.evict(from: keys, connection)
      return try body(transaction(connection, keys.ring))
    }
  }

  /// Runs `body` in one write transaction under the write lock, with the key ring that
  /// follows the current key version recorded in that transaction (as `SQLiteStore.write`).
  public func write<T>(_ body: (StoreTransaction) throws -> T) throws -> T {
    let abort = TransactionAbort()
    do {
      return try pool.transaction(begin: "BEGIN") { connection in
        try Self.takeWriteLock(connection)
        let ring = try keys.forWriting(in: transaction(connection, keys.ring))
        return try body(transaction(connection, ring, abort: abort))
      }
    } catch {
      throw abort.explaining(error)
    }
  }

  /// Waits for, then holds until the transaction ends, the lock that serializes writers.
  static func takeWriteLock(_ connection: any SQLConnection) throws {
    try connection.execute("SELECT pg_advisory_xact_lock(\(writeLockKey))")
  }

  public func with(clock: any WallClock) -> any Store {
    PostgresStore(pool: pool, keys: keys, checkpointInterval: checkpointInterval, clock: clock)
  }

  /// Vacuums every table, so that rows an erasure deleted or overwrote leave the table
  /// files (PostgreSQL keeps a row's old version until a vacuum). WAL segments and base
  /// backups keep them until they are recycled or expire (docs/postgresql.md).
  public func flushOldPageImages() throws -> Bool {
    _ = try pool.withConnection { try $0.execute("VACUUM") }
    return true
  }

  /// The database answers and its schema is one this binary knows.
  public func checkBeforeServing() throws {
    let found = try read { try PostgresMigrations.version($0.connection) }
    guard found <= PostgresMigrations.latestVersion else {
      throw StoreError.schemaTooNew(found: found, supported: PostgresMigrations.latestVersion)
    }
  }

  /// Closes the idle connections (a server on its way out; tests).
  public func close() { pool.close() }

  private func transaction(
    _ connection: PostgresConnection, _ ring: KeyRing,
    abort: TransactionAbort = TransactionAbort()
  ) -> StoreTransaction {
    StoreTransaction(
      connection: connection, keyRing: ring, keys: keys,
      checkpointInterval: checkpointInterval, clock: clock, abort: abort, auditEdge: auditEdge)
  }
}
