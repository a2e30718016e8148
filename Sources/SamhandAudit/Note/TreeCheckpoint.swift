/// The body of a C2SP transparency-log checkpoint (c2sp.org/tlog-checkpoint): the log's
/// origin, its size and its Merkle root. Signed as a note by the log's key, and cosigned by
/// witnesses, it commits the log to every entry up to `size`.
///
/// ```
/// samhand.example/oslo-1
/// 182
/// 5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328 (as base64)
/// ```
public struct TreeCheckpoint: Sendable, Equatable {
  public let origin: String
  public let size: Int64
  public let root: MerkleHash
  /// Optional lines after the root, kept as they are.
  public let extensions: [String]

  public init(origin: String, size: Int64, root: MerkleHash, extensions: [String] = []) {
    self.origin = origin
    self.size = size
    self.root = root
    self.extensions = extensions
  }

  /// The note text: one line each for origin, size, base64 root and any extension.
  public var text: String {
    ([origin, String(size), root.base64] + extensions).map { $0 + "\n" }.joined()
  }

  /// Reads a checkpoint body (a note's text).
  public init(text: String) throws(NoteError) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard lines.count >= 4, lines.last == "" else {
      throw .malformedCheckpoint("it needs three lines, each ending in a newline")
    }
    let origin = String(lines[0])
    let sizeText = lines[1]
    guard !origin.isEmpty else { throw .malformedCheckpoint("the origin line is empty") }
    guard let size = Int64(sizeText), size >= 0, String(size) == sizeText else {
      throw .malformedCheckpoint("the size \"\(sizeText)\" is not a decimal number")
    }
    guard let root = MerkleHash(base64: String(lines[2])) else {
      throw .malformedCheckpoint("the root is not base64 of 32 bytes")
    }
    let extensions = lines[3..<(lines.count - 1)].map(String.init)
    guard !extensions.contains("") else {
      throw .malformedCheckpoint("an extension line is empty")
    }
    self.init(origin: origin, size: size, root: root, extensions: extensions)
  }
}
