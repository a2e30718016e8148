import Crypto
import Foundation

/// The audit public key on its own, for verifying the log where the other keys are not.
extension KeyRing {
  /// The key id checkpoints name for `publicKey` (see `auditKeyID`).
  public static func auditKeyID(for publicKey: Curve25519.Signing.PublicKey) -> String {
    SHA256.hash(data: publicKey.rawRepresentation)
      .prefix(8)
      .map { byte in String(byte, radix: 16).leftPadded(to: 2) }
      .joined()
  }

  /// Reads a raw 32-byte Ed25519 public key file such as `keys/audit-signing.pub`.
  public static func loadAuditPublicKey(from url: URL) throws -> Curve25519.Signing.PublicKey {
    guard let data = FileManager.default.contents(atPath: url.path) else {
      throw CryptoError.keyFileMissing(path: url.path)
    }
    do {
      return try Curve25519.Signing.PublicKey(rawRepresentation: data)
    } catch {
      throw CryptoError.keyFileMalformed(
        path: url.path, reason: "not a raw 32-byte Ed25519 public key")
    }
  }
}
