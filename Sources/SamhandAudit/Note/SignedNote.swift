/// A C2SP signed note (c2sp.org/signed-note): text ending in a newline, a blank line, then
/// one signature line per signer. Checkpoints and witness cosignatures travel as notes.
///
/// ```swift
/// var note = SignedNote(text: body)
/// note.signatures.append(try signer.sign(body))
/// let read = try SignedNote(parsing: note.serialized)
/// ```
public struct SignedNote: Sendable, Equatable {
  /// The signed text, final newline included.
  public let text: String
  public var signatures: [NoteSignature]

  public init(text: String, signatures: [NoteSignature] = []) {
    self.text = text
    self.signatures = signatures
  }

  /// The note as it is written: text, blank line, signature lines, each ending in a newline.
  public var serialized: String {
    text + "\n" + signatures.map { $0.line + "\n" }.joined()
  }

  /// Reads a note: the signatures start after the last blank line.
  public init(parsing note: String) throws(NoteError) {
    let bytes = Array(note.utf8)
    guard bytes.last == UInt8(ascii: "\n") else {
      throw .malformedNote("a note ends with a newline")
    }
    var split: Int? = nil
    var index = bytes.count - 2
    while index >= 0 {
      if bytes[index] == UInt8(ascii: "\n"), index > 0, bytes[index - 1] == UInt8(ascii: "\n") {
        split = index
        break
      }
      index -= 1
    }
    guard let split else { throw .malformedNote("no blank line before the signatures") }
    let text = String(decoding: bytes[..<split], as: UTF8.self)
    let block = String(decoding: bytes[(split + 1)...], as: UTF8.self)
    let lines = block.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    guard !lines.isEmpty else { throw .malformedNote("it has no signature") }
    var signatures: [NoteSignature] = []
    for line in lines {
      signatures.append(try NoteSignature(line: String(line)))
    }
    self.init(text: text, signatures: signatures)
  }
}
