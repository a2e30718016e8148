@preconcurrency import Crypto
import Foundation

/// A public key that checks note signatures, written as a C2SP verifier key ("vkey"):
/// `<name>+<hex key ID>+<base64(type ‖ public key)>`. An auditor pins one to verify the
/// log's checkpoints, or a witness's to verify its cosignatures.
///
/// ```swift
/// let verifier = try NoteVerifier(encoded: "PeterNeumann+c74f20a3+ARpc2Q...")
/// verifier.verify(note) != nil      // signed by this key
/// ```
public struct NoteVerifier: Sendable, Equatable {
  public let name: String
  public let type: NoteKeyType
  public let publicKey: Curve25519.Signing.PublicKey

  public init(name: String, type: NoteKeyType, publicKey: Curve25519.Signing.PublicKey)
    throws(NoteError)
  {
    try NoteKeyType.checkName(name)
    self.name = name
    self.type = type
    self.publicKey = publicKey
  }

  public var keyID: UInt32 { type.keyID(name: name, publicKey: publicKey) }

  /// The vkey text.
  public var encoded: String {
    "\(name)+\(String(format: "%08x", keyID))+\(type.encode(publicKey.rawRepresentation))"
  }

  /// Reads a vkey, checking that its key ID matches its name and key.
  public init(encoded: String) throws(NoteError) {
    let text = encoded.trimmingCharacters(in: .whitespacesAndNewlines)
    let parts = text.split(separator: "+", maxSplits: 2, omittingEmptySubsequences: false)
    guard parts.count == 3, parts[1].count == 8, let id = UInt32(parts[1], radix: 16) else {
      throw .malformedKey("expected <name>+<8 hex digits>+<base64 of 33 bytes>")
    }
    let (type, raw) = try NoteKeyType.decode(parts[2])
    guard let publicKey = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) else {
      throw .malformedKey("not an Ed25519 public key")
    }
    try self.init(name: String(parts[0]), type: type, publicKey: publicKey)
    guard keyID == id else { throw .malformedKey("the key ID does not match the name and key") }
  }

  /// The timestamp a cosignature carries (nil for a plain note signature) if one of
  /// `note`'s signatures is a valid signature by this key; nil when none is.
  public func verify(_ note: SignedNote) -> VerifiedNoteSignature? {
    for signature in note.signatures where signature.name == name && signature.keyID == keyID {
      if let verified = verify(signature, text: note.text) { return verified }
    }
    return nil
  }

  /// Checks one signature over `text`.
  public func verify(_ signature: NoteSignature, text: String) -> VerifiedNoteSignature? {
    guard signature.name == name, signature.keyID == keyID else { return nil }
    switch type {
    case .ed25519:
      guard publicKey.isValidSignature(signature.bytes, for: Data(text.utf8)) else { return nil }
      return VerifiedNoteSignature(signature: signature, timestamp: nil)
    case .cosignatureV1:
      guard signature.bytes.count == 72 else { return nil }
      let timestamp = signature.bytes.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
      guard timestamp <= UInt64(Int64.max) else { return nil }
      let message = Cosignature.message(checkpointText: text, timestamp: timestamp)
      guard publicKey.isValidSignature(signature.bytes.dropFirst(8), for: message) else {
        return nil
      }
      return VerifiedNoteSignature(signature: signature, timestamp: timestamp)
    }
  }

  public static func == (lhs: NoteVerifier, rhs: NoteVerifier) -> Bool {
    lhs.name == rhs.name && lhs.type == rhs.type
      && lhs.publicKey.rawRepresentation == rhs.publicKey.rawRepresentation
  }
}

/// A note signature that verified, with a cosignature's POSIX timestamp.
public struct VerifiedNoteSignature: Sendable, Equatable {
  public let signature: NoteSignature
  public let timestamp: UInt64?
}
