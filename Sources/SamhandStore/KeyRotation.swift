import SamhandCore
import SamhandCrypto

/// Key-encryption key rotation: a new KEK version, every data key rewrapped and the version
/// recorded as current in one audited transaction; an old version is retired only once the
/// database proves no data key uses it.
///
/// Safe beside running servers on the same data directory: each server reads the recorded
/// current version in every write transaction and reloads `DATA/keys/` when it moved on (see
/// `LiveKeyRing`), so it wraps new data keys under the new version from its next write, and a
/// retired version is recorded as such before its file is deleted.
public struct KeyRotation {
  public let directory: DataDirectory
  public let store: any Store

  public init(directory: DataDirectory, store: any Store) {
    self.directory = directory
    self.store = store
  }

  /// What a rotation or retirement did.
  public struct Outcome: Sendable, Equatable, Encodable {
    public let version: Int
    public let dataKeys: Int
    /// For a retirement: the approved erasures it completed, whose data key no backup can
    /// open any more (every version up to theirs is retired).
    public var completedErasures: [ErasureRequestID] = []
  }

  /// Writes `kek-<N>.key` (0600), then in one transaction rewraps every data key under it,
  /// records N as current and audits. The file exists before any process can read N as
  /// current; if the transaction fails, the unused file is left and N is never recorded.
  public func rotate(by actor: AuditActor) throws -> Outcome {
    let recorded = try store.read { try $0.recordedKeyVersions() }
    let ring = try store.keyRing.rotated(in: directory.keysURL, above: recorded.highest)
    let rewrapped = try store.write { transaction in
      let count = try transaction.rewrapDataKeys(with: ring)
      try transaction.recordRotation(to: ring.currentKEKVersion)
      try transaction.appendAudit(
        actor.event(
          action: "keys.rotate", resourceType: "key-encryption-key",
          resourceID: "\(ring.currentKEKVersion)", at: store.clock.now))
      return count
    }
    return Outcome(version: ring.currentKEKVersion, dataKeys: rewrapped)
  }

  /// Records `version` as retired, in a transaction that proves no data key is wrapped under
  /// it and that it is not current, then deletes its file. Once the transaction commits, no
  /// process wraps under the version (it is not current) or loads it again; a crash before
  /// the file is deleted leaves a file nothing loads, and retiring again deletes it.
  public func retire(version: Int, by actor: AuditActor) throws -> Outcome {
    let ring = store.keyRing
    let completed = try store.write { transaction in
      let recorded = try transaction.recordedKeyVersions()
      guard version != recorded.current else {
        throw CryptoError.cannotRetireCurrentVersion(version)
      }
      guard ring.kekVersions.contains(version) || recorded.retired.contains(version) else {
        throw CryptoError.unknownKeyVersion(version)
      }
      let inUse = try transaction.dataKeyCountsByKEKVersion()[version] ?? 0
      guard inUse == 0 else { throw StoreError.keyVersionInUse(version: version, dataKeys: inUse) }
      try transaction.recordRetirement(of: version)
      try transaction.appendAudit(
        actor.event(
          action: "keys.retire", resourceType: "key-encryption-key", resourceID: "\(version)",
          at: store.clock.now))
      return try transaction.erasuresCompleted(byRetiring: version)
    }
    try KeyRing.deleteKEKFile(version: version, in: directory.keysURL)
    return Outcome(version: version, dataKeys: 0, completedErasures: completed)
  }
}
