import Foundation
import SamhandCore
import SamhandCrypto

/// One open transaction of the store. Repositories are its capabilities (see the
/// `StoreTransaction+*.swift` files); whatever they do inside one `Store.write` commits together,
/// which is how an audit entry and the change it records can never part.
public struct StoreTransaction {
  /// The transaction's connection. Repositories read and write through it only, so that they
  /// run on either backend.
  let connection: any SQLConnection
  /// The key ring this transaction uses: for a write, the one following the recorded
  /// current key version (see `SQLiteStore.write`).
  let keyRing: KeyRing
  /// Where `keyRing` came from, reloaded when a data key names a version it does not hold.
  let keys: LiveKeyRing
  let checkpointInterval: Int
  let clock: any WallClock
  /// What ended the transaction under its savepoints, if anything did (see `savepoint`).
  let abort: TransactionAbort
  /// The audit tree's right edge as the store's last append left it (see `AuditTreeEdge`).
  let auditEdge: AuditTreeEdge

  /// The current time as the store records it (UTC, ISO 8601 with milliseconds).
  var nowText: String { Timestamp.format(clock.now) }
}
