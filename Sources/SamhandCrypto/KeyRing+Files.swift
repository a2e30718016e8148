import Crypto
import Foundation

extension KeyRing {
  /// Creates a new keys directory (mode 0700) with a fresh ring, and returns that ring.
  ///
  /// Writes `kek-1.key` and `blind-index.key` (32 random bytes each), `audit-signing.key`
  /// (raw 32-byte Ed25519 private key) and `audit-signing.pub` (raw 32-byte public key),
  /// each created 0600 from the start. Refuses with ``CryptoError/keyDirectoryExists(path:)``
  /// when anything is at `keysDirectory` already, so existing keys are never overwritten.
  /// On failure it removes the half-made directory.
  public static func create(at keysDirectory: URL) throws -> KeyRing {
    guard !FileStatus.exists(keysDirectory) else {
      throw CryptoError.keyDirectoryExists(path: keysDirectory.filePath)
    }
    try KeyFile.makeDirectory(keysDirectory)
    let kek = SymmetricKey(size: .bits256)
    let blindIndexKey = SymmetricKey(size: .bits256)
    let signingKey = Curve25519.Signing.PrivateKey()
    do {
      try KeyFile.writeNew(kek.bytes, named: KeyFile.kek(1), in: keysDirectory)
      try KeyFile.writeNew(blindIndexKey.bytes, named: KeyFile.blindIndex, in: keysDirectory)
      try KeyFile.writeNew(
        signingKey.rawRepresentation, named: KeyFile.auditSigning, in: keysDirectory)
      try KeyFile.writeNew(
        signingKey.publicKey.rawRepresentation, named: KeyFile.auditPublic, in: keysDirectory)
    } catch {
      try? FileManager.default.removeItem(at: keysDirectory)
      throw error
    }
    return KeyRing(
      keyEncryptionKeys: [1: kek], currentKEKVersion: 1, blindIndexKey: blindIndexKey,
      auditSigningKey: signingKey)
  }

  /// Loads the ring from `keysDirectory` after ``checkPermissions(of:)`` passes.
  ///
  /// Every `kek-<N>.key` becomes KEK version N. Throws ``CryptoError/keyFileMissing(path:)``
  /// for a missing file (or no KEK at all), ``CryptoError/keyFileMalformed(path:reason:)``
  /// for a file of the wrong length, a badly named `kek-*.key`, or a public audit key that
  /// does not belong to the private one. The audit signing key is read from `auditSigningKey`
  /// when given (a file outside the data directory, closed to group and others), else from
  /// `audit-signing.key` in the directory; its public half is always `audit-signing.pub` there.
  public static func load(from keysDirectory: URL, auditSigningKey: URL? = nil) throws -> KeyRing {
    let names = try checkedFileNames(in: keysDirectory)
    var keyEncryptionKeys: [Int: SymmetricKey] = [:]
    for name in names {
      guard let version = try KeyFile.kekVersion(ofFileNamed: name, in: keysDirectory) else {
        continue
      }
      keyEncryptionKeys[version] = try readSymmetricKey(name, in: keysDirectory)
    }
    guard let current = keyEncryptionKeys.keys.max() else {
      throw CryptoError.keyFileMissing(path: keysDirectory.appending(path: KeyFile.kek(1)).filePath)
    }
    return KeyRing(
      keyEncryptionKeys: keyEncryptionKeys, currentKEKVersion: current,
      blindIndexKey: try readSymmetricKey(KeyFile.blindIndex, in: keysDirectory),
      auditSigningKey: try readSigningKey(in: keysDirectory, file: auditSigningKey))
  }

  /// Checks that `keysDirectory` and every file in it are closed to group and others.
  ///
  /// Every command runs this at start, before touching data. Throws
  /// ``CryptoError/keyDirectoryTooOpen(path:mode:)`` unless the directory has no group or
  /// other bits (0700), and ``CryptoError/keyFileTooOpen(path:mode:)`` for any file inside
  /// that has them (0600 expected).
  public static func checkPermissions(of keysDirectory: URL) throws {
    _ = try checkedFileNames(in: keysDirectory)
  }

  /// The names in `keysDirectory`, once the directory and every entry passed the mode check.
  private static func checkedFileNames(in keysDirectory: URL) throws -> [String] {
    let path = keysDirectory.filePath
    guard let status = try FileStatus(of: keysDirectory) else {
      throw CryptoError.keyFileMissing(path: path)
    }
    guard status.isDirectory else {
      throw CryptoError.keyFileMalformed(path: path, reason: "not a directory")
    }
    guard !status.isOpenToOthers else {
      throw CryptoError.keyDirectoryTooOpen(path: path, mode: status.permissions)
    }
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    } catch {
      throw CryptoError.keyFileAccessFailed(path: path, reason: "\(error)")
    }
    for name in names {
      let url = keysDirectory.appending(path: name)
      if let entry = try FileStatus(of: url), entry.isOpenToOthers {
        throw CryptoError.keyFileTooOpen(path: url.filePath, mode: entry.permissions)
      }
    }
    return names
  }

  private static func readSymmetricKey(_ name: String, in directory: URL) throws -> SymmetricKey {
    SymmetricKey(data: try KeyFile.read(name, in: directory, byteCount: symmetricKeyByteCount))
  }

  /// The audit signing key, checked against its public half on disk.
  private static func readSigningKey(in directory: URL, file external: URL?) throws
    -> Curve25519.Signing.PrivateKey
  {
    let file = external ?? directory.appending(path: KeyFile.auditSigning)
    if let status = try FileStatus(of: file), status.isOpenToOthers {
      throw CryptoError.keyFileTooOpen(path: file.filePath, mode: status.permissions)
    }
    let raw = try KeyFile.read(
      file.lastPathComponent, in: file.deletingLastPathComponent(), byteCount: signingKeyByteCount)
    let publicRaw = try KeyFile.read(
      KeyFile.auditPublic, in: directory, byteCount: signingKeyByteCount)
    let signingKey: Curve25519.Signing.PrivateKey
    do {
      signingKey = try Curve25519.Signing.PrivateKey(rawRepresentation: raw)
    } catch {
      throw CryptoError.keyFileMalformed(
        path: file.filePath, reason: "not a raw Ed25519 private key")
    }
    guard signingKey.publicKey.rawRepresentation == publicRaw else {
      throw CryptoError.keyFileMalformed(
        path: directory.appending(path: KeyFile.auditPublic).filePath,
        reason: "does not match \(external?.filePath ?? KeyFile.auditSigning)")
    }
    return signingKey
  }
}
