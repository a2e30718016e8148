/// What the service layer needs of a store: transactions in which repositories are used.
/// A PostgreSQL store for larger municipalities can conform later without touching callers.
public protocol Store: Sendable {
  /// Runs `body` in a read-only snapshot.
  func read<T>(_ body: (StoreTransaction) throws -> T) throws -> T
  /// Runs `body` in one write transaction: everything in it commits, or nothing does.
  func write<T>(_ body: (StoreTransaction) throws -> T) throws -> T
}
