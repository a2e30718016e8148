import Foundation
import SamhandCrypto
import Synchronization

/// The key ring a store works with, kept in step with the key versions the database records
/// (migration 0012), so that a running server follows `samhand keys rotate` and `keys retire`
/// run by another process on the same data directory without a restart.
///
/// Every write transaction compares the recorded current version with the ring's before its
/// body runs (`SQLiteStore.write`); when they differ, the ring is reloaded from `DATA/keys/`
/// with the recorded states applied, so a data key is never wrapped under a version another
/// process has retired. A read that meets a data key under a version the ring does not hold
/// reloads the same way once (`StoreTransaction.dataKey(for:)`).
///
/// ```swift
/// let keys = LiveKeyRing(try KeyRing.load(from: keysURL), keysDirectory: keysURL)
/// let ring = try keys.reload(following: transaction.recordedKeyVersions())
/// ```
public final class LiveKeyRing: Sendable {
  private let state: Mutex<KeyRing>
  /// Where the ring is reloaded from; nil for a ring that exists only in memory (tests).
  let keysDirectory: URL?
  /// The audit signing key's file when it is kept outside the data directory.
  let auditSigningKey: URL?

  /// The last `shredded_keys` sequence whose data key this process has evicted.
  let shreddedUpTo: Mutex<Int64>

  public init(
    _ ring: KeyRing, keysDirectory: URL?, auditSigningKey: URL? = nil, shreddedUpTo: Int64 = 0
  ) {
    state = Mutex(ring)
    self.keysDirectory = keysDirectory
    self.auditSigningKey = auditSigningKey
    self.shreddedUpTo = Mutex(shreddedUpTo)
  }

  /// The ring as last loaded.
  public var ring: KeyRing { state.withLock { $0 } }

  /// Reloads the key files and applies `recorded`; a ring held only in memory just has
  /// `recorded` applied.
  func reload(following recorded: RecordedKeyVersions) throws -> KeyRing {
    let loaded =
      try keysDirectory.map { try KeyRing.load(from: $0, auditSigningKey: auditSigningKey) }
      ?? ring
    let ring =
      try recorded.current.map {
        try loaded.applying(current: $0, retired: recorded.retired)
      } ?? loaded
    state.withLock { $0 = ring }
    return ring
  }
}

/// The key-encryption key versions a database records: the current one (nil before the first
/// open after migration 0012 recorded any) and the retired ones.
struct RecordedKeyVersions: Sendable, Equatable {
  var current: Int?
  var retired: Set<Int>
  /// Every recorded version, retired ones included.
  var highest: Int
}
