/// Savepoints let one transaction carry several independent operations (group commit): each
/// runs in its own savepoint, so one that fails rolls back alone and the others still commit.
extension StoreTransaction {
  /// Runs `body` in a savepoint of its own: when it throws, only its changes are undone.
  ///
  /// A full disk may end the whole transaction, not only this savepoint: then this and every
  /// later savepoint in it fails with ``StoreError/storageFull(path:)``, as does the commit.
  public func savepoint<T>(_ body: () throws -> T) throws -> T {
    do {
      return try translatingErrors(path: "samhand.db") { try connection.savepoint(body) }
    } catch {
      abort.record(error)
      throw abort.explaining(error)
    }
  }
}
