import Crypto
import Foundation

/// The signature types of C2SP signed notes this log uses: plain Ed25519 note signatures for
/// the log's checkpoints and timestamped Ed25519 cosignatures (c2sp.org/tlog-cosignature)
/// for witnesses.
public enum NoteKeyType: UInt8, Sendable {
  case ed25519 = 0x01
  case cosignatureV1 = 0x04

  /// The key ID of `publicKey` under `name`: SHA-256(name ‖ 0x0A ‖ type ‖ key)[:4].
  func keyID(name: String, publicKey: Curve25519.Signing.PublicKey) -> UInt32 {
    var hasher = SHA256()
    hasher.update(data: Data(name.utf8))
    hasher.update(data: Data([0x0A, rawValue]))
    hasher.update(data: publicKey.rawRepresentation)
    return hasher.finalize().prefix(4).reduce(0) { $0 << 8 | UInt32($1) }
  }

  /// Throws unless `name` may name a key: non-empty, no whitespace, no "+".
  static func checkName(_ name: String) throws(NoteError) {
    guard !name.isEmpty,
      !name.unicodeScalars.contains(where: { $0 == "+" || $0.properties.isWhitespace })
    else { throw .invalidKeyName(name) }
  }

  /// Reads the base64 of a key's type byte and 32 key bytes, as vkeys and private keys
  /// write them.
  static func decode(_ base64: Substring) throws(NoteError) -> (NoteKeyType, Data) {
    guard let material = Data(base64Encoded: String(base64)), material.count == 33 else {
      throw .malformedKey("the key is not base64 of a type byte and 32 key bytes")
    }
    guard let type = NoteKeyType(rawValue: material[material.startIndex]) else {
      throw .unsupportedKeyType(material[material.startIndex])
    }
    return (type, Data(material.dropFirst()))
  }

  /// The base64 a key is written with: its type byte, then its 32 bytes.
  func encode(_ key: Data) -> String { (Data([rawValue]) + key).base64EncodedString() }
}
