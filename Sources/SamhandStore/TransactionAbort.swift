/// Why SQLite rolled back a whole write transaction from under its savepoints: a full disk
/// (`SQLITE_FULL`) can end the transaction, not only the statement. The savepoint that met it
/// records the cause here, so that the group commit's operations after it, and the commit
/// itself, report the full disk instead of GRDB's generic "Transaction was aborted".
final class TransactionAbort {
  /// The first full-disk error met in the transaction.
  private(set) var cause: StoreError?

  /// Keeps `error` as the cause when it is the first full-disk error.
  func record(_ error: any Error) {
    if cause == nil, case StoreError.storageFull = error {
      cause = error as? StoreError
    }
  }

  /// The error to report for `error`: the full disk, when one ended the transaction and
  /// `error` is only the generic consequence.
  func explaining(_ error: any Error) -> any Error {
    guard let cause, case StoreError.database = error else { return error }
    return cause
  }
}
