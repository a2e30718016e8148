import SamhandCore
import SamhandCrypto

/// What the service layer needs of a store, whatever the database: transactions in which
/// repositories are used, the keys and clock they use, and the few operations around them.
/// `SQLiteStore` (one server, the embedded default) and `PostgresStore` (several servers on
/// one database) implement it; what only SQLite has (its online backup, its file) stays on
/// `SQLiteStore`, reached only where the backend is known.
public protocol Store: Sendable {
  /// The key ring, following the key versions the database records (see `LiveKeyRing`).
  var keys: LiveKeyRing { get }
  /// How many audit entries a checkpoint is signed after.
  var checkpointInterval: Int { get }
  var clock: any WallClock { get }
  /// Runs `body` in a read-only snapshot.
  func read<T>(_ body: (StoreTransaction) throws -> T) throws -> T
  /// Runs `body` in one write transaction: everything in it commits, or nothing does.
  func write<T>(_ body: (StoreTransaction) throws -> T) throws -> T
  /// The same database with another clock, for tests that move time.
  func with(clock: any WallClock) -> any Store
  /// Removes the old images of pages whose content was deleted or overwritten (a shredded
  /// key's), where the database keeps them beside the live data; false when readers kept it
  /// from finishing (the next call, or the database itself later, completes it).
  func flushOldPageImages() throws -> Bool
  /// The check `samhand serve` makes before it listens, so that a damaged or unreachable
  /// database is refused at start instead of failing the requests that meet it.
  func checkBeforeServing() throws
}

extension Store {
  /// The key ring as last loaded.
  public var keyRing: KeyRing { keys.ring }
}
