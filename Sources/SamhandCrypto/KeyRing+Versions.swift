import Crypto
import Foundation

extension KeyRing {
  /// The same ring with `current` as the current version and the `retired` versions dropped,
  /// as the database records them (every process on a data directory follows that record).
  ///
  /// Throws ``CryptoError/unknownKeyVersion(_:)`` when `current` is not loaded: its key file
  /// is missing, and wrapping under anything else could wrap under a retired version.
  public func applying(current: Int, retired: Set<Int>) throws -> KeyRing {
    guard keyEncryptionKeys[current] != nil, !retired.contains(current) else {
      throw CryptoError.unknownKeyVersion(current)
    }
    if current == currentKEKVersion, retired.isDisjoint(with: keyEncryptionKeys.keys) {
      return self
    }
    return KeyRing(
      keyEncryptionKeys: keyEncryptionKeys.filter { !retired.contains($0.key) },
      currentKEKVersion: current, blindIndexKey: blindIndexKey, auditSigningKey: auditSigningKey)
  }

  /// Deletes `kek-<version>.key` from `keysDirectory`, if it is there, and syncs the directory.
  ///
  /// For a version the database already records as retired (see `KeyRotation.retire`); it
  /// checks nothing else.
  public static func deleteKEKFile(version: Int, in keysDirectory: URL) throws {
    try KeyFile.remove(KeyFile.kek(version), in: keysDirectory)
  }
}
