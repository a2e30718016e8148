import Foundation

/// One signature line of a signed note, `— <key name> base64(key ID ‖ signature)`: which key
/// signed (name and 4-byte key ID) and the signature bytes, not yet verified.
///
/// ```swift
/// let line = NoteSignature(name: "example.org/log", keyID: 0xc74f20a3, bytes: sig).line
/// ```
public struct NoteSignature: Sendable, Equatable {
  public let name: String
  public let keyID: UInt32
  /// The bytes after the key ID: an Ed25519 signature, or a cosignature's timestamp and
  /// signature.
  public let bytes: Data

  public init(name: String, keyID: UInt32, bytes: Data) {
    self.name = name
    self.keyID = keyID
    self.bytes = bytes
  }

  /// The signature line, without its final newline.
  public var line: String {
    var blob = Data()
    withUnsafeBytes(of: keyID.bigEndian) { blob.append(contentsOf: $0) }
    blob.append(bytes)
    return "\u{2014} \(name) \(blob.base64EncodedString())"
  }

  /// Reads one signature line (without its newline).
  public init(line: String) throws(NoteError) {
    let prefix = "\u{2014} "
    guard line.hasPrefix(prefix) else {
      throw .malformedNote("a signature line must start with \"— \"")
    }
    let fields = line.dropFirst(prefix.count).split(
      separator: " ", omittingEmptySubsequences: false)
    guard fields.count == 2, !fields[0].isEmpty,
      let blob = Data(base64Encoded: String(fields[1])), blob.count > 4
    else { throw .malformedNote("a signature line needs a key name and base64 of 5 or more bytes") }
    self.init(
      name: String(fields[0]),
      keyID: blob.prefix(4).reduce(0) { $0 << 8 | UInt32($1) },
      bytes: Data(blob.dropFirst(4)))
  }
}
