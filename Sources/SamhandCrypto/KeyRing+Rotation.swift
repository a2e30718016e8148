import Crypto
import Foundation

extension KeyRing {
  /// Writes a new KEK `kek-<highest + 1>.key` and returns a ring in which it is current.
  ///
  /// The new version is above every loaded one and above `recorded` (the highest version the
  /// database knows, retired ones included), so a version number is never used twice. Older
  /// versions stay loaded, so data keys wrapped under them still unwrap; rewrap them under the
  /// new version and then retire the old one with ``retiring(version:in:)``.
  public func rotated(in keysDirectory: URL, above recorded: Int = 0) throws -> KeyRing {
    let version = max(kekVersions.last ?? currentKEKVersion, recorded) + 1
    let key = SymmetricKey(size: .bits256)
    try KeyFile.writeNew(key.bytes, named: KeyFile.kek(version), in: keysDirectory)
    return replacing(kekVersion: version, with: key, current: version)
  }

  /// Deletes KEK `version` from disk and returns a ring without it.
  ///
  /// The caller proves beforehand that no data key is wrapped under it (see
  /// ``checkRetirable(version:versionsInUse:)``): a data key wrapped under a retired version
  /// is lost. Refuses the current version and versions that are not loaded.
  public func retiring(version: Int, in keysDirectory: URL) throws -> KeyRing {
    try checkRetirable(version: version, versionsInUse: [])
    try KeyFile.remove(KeyFile.kek(version), in: keysDirectory)
    return replacing(kekVersion: version, with: nil, current: currentKEKVersion)
  }

  /// Throws unless KEK `version` may be retired, given the KEK versions that stored wrapped
  /// data keys still use.
  ///
  /// ``CryptoError/cannotRetireCurrentVersion(_:)`` for the current version,
  /// ``CryptoError/unknownKeyVersion(_:)`` for one that is not loaded, and
  /// ``CryptoError/keyVersionInUse(_:)`` when `versionsInUse` contains it.
  public func checkRetirable(version: Int, versionsInUse: some Sequence<Int>) throws {
    guard version != currentKEKVersion else {
      throw CryptoError.cannotRetireCurrentVersion(version)
    }
    guard keyEncryptionKeys[version] != nil else { throw CryptoError.unknownKeyVersion(version) }
    guard !versionsInUse.contains(version) else { throw CryptoError.keyVersionInUse(version) }
  }
}
