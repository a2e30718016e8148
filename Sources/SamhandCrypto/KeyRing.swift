// swift-crypto 3.12 does not mark its key types Sendable; they are immutable values over
// copy-on-write secure storage, so sharing them between tasks is safe.
@preconcurrency import Crypto
import Foundation

/// Everything secret the process holds, loaded from DATA/keys/.
///
/// The ring holds every loaded version of the key-encryption key (KEK), which wraps the
/// recipients' data keys; the blind-index key for looking up national ids; and the Ed25519
/// key that signs audit checkpoints. It is a value: rotating or retiring a KEK returns a new
/// ring and leaves the old one untouched.
///
/// ```swift
/// try KeyRing.checkPermissions(of: keys)
/// let ring = try KeyRing.load(from: keys)
/// let dataKey = try ring.unwrap(wrapped, recipientID: id)
/// ```
public struct KeyRing: Sendable {
  /// Size of every symmetric key file (KEKs, blind-index key) in bytes.
  static let symmetricKeyByteCount = 32
  /// Size of the raw Ed25519 private and public key files in bytes.
  static let signingKeyByteCount = 32

  let keyEncryptionKeys: [Int: SymmetricKey]
  let blindIndexKey: SymmetricKey
  /// Data keys this ring has unwrapped (see `UnwrappedKeys`).
  let unwrappedKeys = UnwrappedKeys()

  /// The version that wraps new data keys: always the highest loaded one.
  public let currentKEKVersion: Int
  /// The private key that signs audit checkpoints.
  public let auditSigningKey: Curve25519.Signing.PrivateKey

  /// A ring of the given keys; `currentKEKVersion` must be a key of `keyEncryptionKeys`.
  init(
    keyEncryptionKeys: [Int: SymmetricKey], currentKEKVersion: Int, blindIndexKey: SymmetricKey,
    auditSigningKey: Curve25519.Signing.PrivateKey
  ) {
    self.keyEncryptionKeys = keyEncryptionKeys
    self.currentKEKVersion = currentKEKVersion
    self.blindIndexKey = blindIndexKey
    self.auditSigningKey = auditSigningKey
  }

  /// The loaded KEK versions, oldest first.
  public var kekVersions: [Int] { keyEncryptionKeys.keys.sorted() }

  /// The public key an auditor uses to verify checkpoints, without the server.
  public var auditPublicKey: Curve25519.Signing.PublicKey { auditSigningKey.publicKey }

  /// Names the audit key in checkpoints: the first 16 hex characters of the SHA-256 of the
  /// raw public key bytes.
  public var auditKeyID: String { Self.auditKeyID(for: auditPublicKey) }

  /// The same ring with KEK `version` set to `key` or removed (`nil`), and `current` as the
  /// current version.
  func replacing(kekVersion version: Int, with key: SymmetricKey?, current: Int) -> KeyRing {
    var keys = keyEncryptionKeys
    keys[version] = key
    return KeyRing(
      keyEncryptionKeys: keys, currentKEKVersion: current, blindIndexKey: blindIndexKey,
      auditSigningKey: auditSigningKey)
  }
}

extension String {
  /// The string with leading zeros up to `width` characters.
  func leftPadded(to width: Int) -> String {
    String(repeating: "0", count: max(0, width - count)) + self
  }
}

extension SymmetricKey {
  /// The raw key bytes, for writing the key to its file.
  var bytes: Data { withUnsafeBytes { Data($0) } }
}
