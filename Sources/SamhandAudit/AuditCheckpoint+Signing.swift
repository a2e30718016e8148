import Crypto
import Foundation

/// The signed message, version 1:
///
/// ```
/// message = "samhand-audit-checkpoint-v1" 0x00 sequence timeMillis str(keyID) bytes(headHash)
/// sequence, timeMillis = 8 bytes, two's complement, big-endian
/// str(s)   = len(byte count of s in UTF-8) then the UTF-8 bytes
/// bytes(b) = len(count of b) then b
/// len      = as in the entry encoding (4 bytes big-endian, escaped above 0xFFFFFFFE)
/// ```
///
/// The domain tag keeps a checkpoint signature from being valid for anything else the same
/// key might sign, and the key id is signed so a signature cannot be moved to another key id.
extension AuditCheckpoint {
  /// The domain-separation tag that opens every signed message, NUL included.
  public static let signingTag = Array("samhand-audit-checkpoint-v1\0".utf8)

  /// Signs `head` with `key`. Throws if the head cannot be a head of the log (a sequence
  /// below 1 or a hash that is not 32 bytes) or if signing fails.
  public static func sign(
    head: AuditHead, timeMillis: Int64, keyID: String, key: Curve25519.Signing.PrivateKey
  ) throws(AuditCheckpointError) -> AuditCheckpoint {
    guard head.sequence >= 1, head.hash.count == 32 else {
      throw .invalidHead(sequence: head.sequence, hashByteCount: head.hash.count)
    }
    let message = signedMessage(
      sequence: head.sequence, headHash: head.hash, timeMillis: timeMillis, keyID: keyID)
    let signature: Data
    do {
      signature = try key.signature(for: message)
    } catch {
      throw .signingFailed(reason: String(describing: error))
    }
    return AuditCheckpoint(
      sequence: head.sequence, headHash: head.hash, timeMillis: timeMillis, keyID: keyID,
      signature: signature)
  }

  /// Whether `signature` is `publicKey`'s signature over this checkpoint's message.
  public func hasValidSignature(publicKey: Curve25519.Signing.PublicKey) -> Bool {
    publicKey.isValidSignature(signature, for: signedMessage)
  }

  /// The bytes that `signature` signs.
  public var signedMessage: [UInt8] {
    Self.signedMessage(
      sequence: sequence, headHash: headHash, timeMillis: timeMillis, keyID: keyID)
  }

  static func signedMessage(
    sequence: Int64, headHash: Data, timeMillis: Int64, keyID: String
  ) -> [UInt8] {
    var message: [UInt8] = []
    message.appendCanonical(headHash) { writer, headHash in
      signingTag.withUnsafeBytes { writer.write(bytes: $0) }
      writer.writeBigEndian(sequence)
      writer.writeBigEndian(timeMillis)
      writer.writeField(keyID)
      writer.writeLength(headHash.count)
      headHash.withUnsafeBytes { writer.write(bytes: $0) }
    }
    return message
  }
}
