import Foundation
import GRDB
import SamhandAudit
import SamhandCore
import SamhandCrypto

/// The SQLite implementation of the store: one `DatabasePool` in WAL mode, migrated on open.
/// GRDB stays inside this module; callers see `Store` and `StoreTransaction`.
///
/// ```swift
/// let store = try SQLiteStore.open(at: dbURL, keyRing: ring)
/// let id = try store.write { try $0.insertRecipient(newRecipient) }
/// ```
public struct SQLiteStore: Store {
  let pool: DatabasePool
  /// The key ring, following the key versions the database records (see `LiveKeyRing`).
  public let keys: LiveKeyRing
  public let checkpointInterval: Int
  public let clock: any WallClock
  /// The audit tree's right edge after this store's last append (see `AuditTreeEdge`).
  let auditEdge = AuditTreeEdge()

  /// Opens (creating if absent, mode 0600, which its WAL and shared-memory files inherit) and
  /// migrates the database.
  ///
  /// `keysDirectory` is where `keyRing` was loaded from: the store reloads it from there when
  /// another process records a new current key version. A database that records no current
  /// version yet records `keyRing`'s; one that does applies its record to `keyRing` and
  /// refuses to open when the recorded current version's key file is missing.
  ///
  /// `synchronous = FULL` makes every committed transaction durable across power loss: an
  /// acknowledged audit entry or data change must never vanish, and WAL keeps the cost low.
  public static func open(
    at url: URL, keyRing: KeyRing, keysDirectory: URL? = nil, auditSigningKey: URL? = nil,
    checkpointInterval: Int = 1000, clock: any WallClock = SystemClock()
  ) throws -> SQLiteStore {
    var configuration = Configuration()
    configuration.foreignKeysEnabled = true
    configuration.busyMode = .timeout(10)
    // Gated reads decide on their own snapshot, concurrently (see `Gate.read`), and bearer
    // tokens are looked up on the server's request threads: enough readers that neither waits.
    configuration.maximumReaderCount = 32
    configuration.prepareDatabase { db in
      try db.execute(sql: "PRAGMA synchronous = FULL")
      // No memory-mapped reads: every request appends to the file, and each growth remapped
      // every connection's mapping; the unmaps flushed both cores' TLBs (measured: 2.4k
      // instead of 2.8k audited GETs per second).
      try db.execute(sql: "PRAGMA mmap_size = 0")
      // Deleted and overwritten content is zeroed in its page, so a shredded data key or blind
      // index leaves no old bytes behind (migration 0014; `SecureDelete`).
      try db.execute(sql: "PRAGMA secure_delete = ON")
    }
    try WritableDirectory.require([url.deletingLastPathComponent().path, url.path])
    if !FileManager.default.fileExists(atPath: url.path) {
      // SQLite would create it 0644 less the umask: readable by others until someone notices.
      try PrivateFile.create(at: url)
    }
    let pool = try translatingErrors(path: url.path) {
      try DatabasePool(path: url.path, configuration: configuration)
    }
    try translatingErrors(path: url.path) {
      // GRDB turns WAL mode on for the writer after `prepareDatabase` ran and sets
      // `synchronous = NORMAL` with it, which syncs the WAL only at checkpoints: a commit could
      // vanish on power loss. The writer is the connection that commits, so set it back.
      try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
      try Migrations.apply(to: pool)
      try pool.write { try AuditTreeUpgrade.run(GRDBConnection(db: $0), keyRing: keyRing) }
      try SecureDelete.vacuumOnce(pool)
    }
    let keys = LiveKeyRing(
      keyRing, keysDirectory: keysDirectory, auditSigningKey: auditSigningKey,
      shreddedUpTo: try translatingErrors(path: url.path) {
        try pool.read { try ShreddedKeys.lastSequence(GRDBConnection(db: $0)) }
      })
    let store = SQLiteStore(
      pool: pool, keys: keys, checkpointInterval: max(1, checkpointInterval), clock: clock)
    try store.write { transaction in
      try transaction.recordKeyVersionsIfNone(of: keyRing)
      _ = try keys.reload(following: transaction.recordedKeyVersions())
    }
    return store
  }

  /// Runs `body` in a read transaction on one of the pool's reader connections: a snapshot of
  /// the last commit, taken at the first read. The transaction is begun and ended with cached
  /// statements; GRDB's own `read` prepares both anew every time, which cost a gated HTTP
  /// read about a tenth of its CPU.
  public func read<T>(_ body: (StoreTransaction) throws -> T) throws -> T {
    try translatingErrors(path: pool.path) {
      try pool.unsafeRead { db in
        try db.cachedStatement(sql: "BEGIN DEFERRED TRANSACTION").execute()
        let result = Result {
          try ShreddedKeys.evict(from: keys, GRDBConnection(db: db))
          return try body(transaction(db, keys.ring))
        }
        // A read changes nothing, so ending its snapshot undoes nothing; it must only not
        // outlive the call, whatever failed.
        if (try? db.cachedStatement(sql: "COMMIT").execute()) == nil, db.isInsideTransaction {
          try db.cachedStatement(sql: "ROLLBACK").execute()
        }
        return try result.get()
      }
    }
  }

  /// Runs `body` in a write transaction, with the key ring that follows the current key
  /// version recorded in that transaction: a data key is wrapped under the version current
  /// when the transaction commits, never under one another process retired meanwhile.
  public func write<T>(_ body: (StoreTransaction) throws -> T) throws -> T {
    let abort = TransactionAbort()
    do {
      return try translatingErrors(path: pool.path) { try write(body, abort: abort) }
    } catch {
      throw abort.explaining(error)
    }
  }

  private func write<T>(_ body: (StoreTransaction) throws -> T, abort: TransactionAbort) throws
    -> T
  {
    try pool.write { db in
      let ring = try keys.forWriting(in: transaction(db, keys.ring))
      return try body(transaction(db, ring, abort: abort))
    }
  }

  /// Copies every page of the WAL into the database and truncates the WAL to zero bytes, so
  /// that old page images (a shredded key's) do not survive in it. Waits for readers up to
  /// the busy timeout; false when readers kept it from finishing.
  public func flushOldPageImages() throws -> Bool {
    try translatingErrors(path: pool.path) {
      try pool.writeWithoutTransaction { db in
        do {
          let result = try db.checkpoint(.truncate)
          return result.walFrameCount == result.checkpointedFrameCount
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
          return false
        }
      }
    }
  }

  /// A consistent copy of the database, made with SQLite's online backup while writes go on.
  /// Sealed columns stay sealed in the copy.
  public func backup(to url: URL) throws {
    try translatingErrors(path: url.path) {
      let destination = try DatabaseQueue(path: url.path)
      try pool.backup(to: destination)
    }
  }

  /// The same database with another clock, for tests that move time.
  public static func reopen(_ store: SQLiteStore, clock: any WallClock) -> SQLiteStore {
    SQLiteStore(
      pool: store.pool, keys: store.keys, checkpointInterval: store.checkpointInterval,
      clock: clock)
  }

  public func with(clock: any WallClock) -> any Store { Self.reopen(self, clock: clock) }

  /// A store on the same database holding another key ring of its own, not reloaded from
  /// disk: for tests that play a process that loaded its keys earlier.
  public func with(keyRing: KeyRing) -> SQLiteStore {
    SQLiteStore(
      pool: pool, keys: LiveKeyRing(keyRing, keysDirectory: keys.keysDirectory),
      checkpointInterval: checkpointInterval, clock: clock)
  }

  private func transaction(
    _ db: Database, _ ring: KeyRing, abort: TransactionAbort = TransactionAbort()
  ) -> StoreTransaction {
    StoreTransaction(
      connection: GRDBConnection(db: db), keyRing: ring, keys: keys,
      checkpointInterval: checkpointInterval, clock: clock,
      abort: abort, auditEdge: auditEdge)
  }
}

/// Maps SQLite's errors to `StoreError` so no GRDB type crosses the module boundary.
func translatingErrors<T>(path: String, _ body: () throws -> T) throws -> T {
  do {
    return try body()
  } catch let error as DatabaseError {
    switch error.resultCode {
    case .SQLITE_NOTADB, .SQLITE_CORRUPT:
      throw StoreError.notADatabase(path: path)
    case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY:
      throw StoreError.cannotOpen(path: path, reason: error.message ?? "\(error.resultCode)")
    case .SQLITE_FULL:
      throw StoreError.storageFull(path: path)
    default:
      throw StoreError.database(error.message ?? "\(error.resultCode)")
    }
  }
}
