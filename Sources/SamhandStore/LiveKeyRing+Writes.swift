import SamhandCrypto

extension LiveKeyRing {
  /// The ring a write transaction wraps data keys with, read in `transaction` before its body
  /// runs (both stores' `write`): reloaded first when another process recorded a new current
  /// version, so a data key is never wrapped under one it retired; keys shredded meanwhile
  /// are evicted.
  func forWriting(in transaction: StoreTransaction) throws -> KeyRing {
    let current = try transaction.connection.fetchValue(
      "SELECT version FROM key_versions WHERE status = 'current'", as: Int.self)
    var ring = self.ring
    if let current, current != ring.currentKEKVersion {
      do {
        ring = try reload(following: transaction.recordedKeyVersions())
      } catch CryptoError.unknownKeyVersion, CryptoError.keyFileMissing {
        throw StoreError.keyVersionUnavailable(version: current, recipientID: nil)
      }
    }
    try ShreddedKeys.evict(from: self, transaction.connection)
    return ring
  }
}
