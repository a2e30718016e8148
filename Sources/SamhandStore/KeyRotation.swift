import SamhandCrypto

/// Key-encryption key rotation: a new KEK version, every data key rewrapped in one audited
/// transaction; an old version is deleted only once the database proves no data key uses it.
/// A running server keeps the ring it loaded: restart it after a rotation.
public struct KeyRotation {
  public let directory: DataDirectory
  public let store: SQLiteStore

  public init(directory: DataDirectory, store: SQLiteStore) {
    self.directory = directory
    self.store = store
  }

  /// What a rotation or retirement did.
  public struct Outcome: Sendable, Equatable, Encodable {
    public let version: Int
    public let dataKeys: Int
  }

  public func rotate(by actor: AuditActor) throws -> Outcome {
    let ring = try store.keyRing.rotated(in: directory.keysURL)
    let rewrapped = try store.write { transaction in
      let count = try transaction.rewrapDataKeys(with: ring)
      try transaction.appendAudit(
        actor.event(
          action: "keys.rotate", resourceType: "key-encryption-key",
          resourceID: "\(ring.currentKEKVersion)", at: store.clock.now))
      return count
    }
    return Outcome(version: ring.currentKEKVersion, dataKeys: rewrapped)
  }

  public func retire(version: Int, by actor: AuditActor) throws -> Outcome {
    let ring = store.keyRing
    guard ring.kekVersions.contains(version) else { throw CryptoError.unknownKeyVersion(version) }
    guard version != ring.currentKEKVersion else {
      throw CryptoError.cannotRetireCurrentVersion(version)
    }
    try store.write { transaction in
      let inUse = try transaction.dataKeyCountsByKEKVersion()[version] ?? 0
      guard inUse == 0 else { throw StoreError.keyVersionInUse(version: version, dataKeys: inUse) }
      try transaction.appendAudit(
        actor.event(
          action: "keys.retire", resourceType: "key-encryption-key", resourceID: "\(version)",
          at: store.clock.now))
      _ = try ring.retiring(version: version, in: directory.keysURL)
    }
    return Outcome(version: version, dataKeys: 0)
  }
}
