@preconcurrency import Crypto
import Foundation

/// A private key that signs notes under a key name: the log's checkpoint key (type
/// `ed25519`, name = the log's origin) or a witness's cosigning key (`cosignatureV1`).
/// Written as `PRIVATE+KEY+<name>+<hex key ID>+<base64(type ‖ seed)>`, the format of Go's
/// sumdb/note.
///
/// ```swift
/// let signer = try NoteSigner(name: "samhand.example/audit", type: .ed25519, key: key)
/// var note = SignedNote(text: body, signatures: [try signer.sign(body)])
/// ```
public struct NoteSigner: Sendable {
  public let name: String
  public let type: NoteKeyType
  public let key: Curve25519.Signing.PrivateKey

  public init(name: String, type: NoteKeyType, key: Curve25519.Signing.PrivateKey)
    throws(NoteError)
  {
    try NoteKeyType.checkName(name)
    self.name = name
    self.type = type
    self.key = key
  }

  /// A new random key.
  public static func generate(name: String, type: NoteKeyType) throws(NoteError) -> NoteSigner {
    try NoteSigner(name: name, type: type, key: Curve25519.Signing.PrivateKey())
  }

  public var verifier: NoteVerifier {
    // The name was checked when this signer was made.
    try! NoteVerifier(name: name, type: type, publicKey: key.publicKey)
  }

  /// The private key text; keep it in a 0600 file.
  public var encoded: String {
    let keyID = String(format: "%08x", verifier.keyID)
    return "PRIVATE+KEY+\(name)+\(keyID)+\(type.encode(key.rawRepresentation))"
  }

  /// Reads the private key text, checking the key ID.
  public init(encoded: String) throws(NoteError) {
    let text = encoded.trimmingCharacters(in: .whitespacesAndNewlines)
    let parts = text.split(separator: "+", maxSplits: 4, omittingEmptySubsequences: false)
    guard parts.count == 5, parts[0] == "PRIVATE", parts[1] == "KEY", parts[3].count == 8,
      let id = UInt32(parts[3], radix: 16)
    else {
      throw .malformedKey("expected PRIVATE+KEY+<name>+<8 hex digits>+<base64 of 33 bytes>")
    }
    let (type, raw) = try NoteKeyType.decode(parts[4])
    guard let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw) else {
      throw .malformedKey("not an Ed25519 private key")
    }
    try self.init(name: String(parts[2]), type: type, key: key)
    guard verifier.keyID == id else {
      throw .malformedKey("the key ID does not match the name and key")
    }
  }

  /// Signs `text` (a note's text, final newline included) as a plain note signature.
  public func sign(_ text: String) throws(NoteError) -> NoteSignature {
    try signature(over: Data(text.utf8), prefix: Data())
  }

  /// Cosigns a checkpoint's text at `timestamp` (POSIX seconds), as c2sp.org/tlog-cosignature
  /// says: the signature covers "cosignature/v1", the time and the checkpoint text.
  public func cosign(_ checkpointText: String, timestamp: UInt64) throws(NoteError)
    -> NoteSignature
  {
    var stamp = Data()
    withUnsafeBytes(of: timestamp.bigEndian) { stamp.append(contentsOf: $0) }
    return try signature(
      over: Cosignature.message(checkpointText: checkpointText, timestamp: timestamp),
      prefix: stamp)
  }

  private func signature(over message: Data, prefix: Data) throws(NoteError) -> NoteSignature {
    do {
      let signature = try key.signature(for: message)
      return NoteSignature(name: name, keyID: verifier.keyID, bytes: prefix + signature)
    } catch {
      throw .signingFailed(String(describing: error))
    }
  }
}
