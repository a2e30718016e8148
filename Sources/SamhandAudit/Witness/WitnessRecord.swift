/// A witness's store file: every checkpoint it cosigned, as C2SP notes one after another
/// (a blank line between two), oldest first. Kept outside the log's data directory, it is
/// what `verify --witness` holds the log to.
///
/// ```swift
/// var record = try WitnessRecord(text: String(contentsOf: file))
/// record.notes.append(cosigned)
/// try record.text.write(to: file, atomically: true, encoding: .utf8)
/// ```
public struct WitnessRecord: Sendable, Equatable {
  public var notes: [SignedNote]

  public init(notes: [SignedNote] = []) { self.notes = notes }

  public var text: String { notes.map(\.serialized).joined(separator: "\n") }

  /// Reads a store file: each note is text lines, a blank line, then signature lines.
  public init(text: String) throws(NoteError) {
    var notes: [SignedNote] = []
    var current: [Substring] = []
    var inSignatures = false
    func flush() throws(NoteError) {
      guard !current.isEmpty else { return }
      notes.append(try SignedNote(parsing: current.map { $0 + "\n" }.joined()))
      current = []
      inSignatures = false
    }
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if inSignatures, !line.hasPrefix("\u{2014} ") { try flush() }
      if line.isEmpty, current.isEmpty { continue }
      if line.isEmpty { inSignatures = true }
      current.append(line)
    }
    try flush()
    self.notes = notes
  }

  /// The witnessed checkpoints in order, each with the rollback it accepted, if any.
  public func checkpoints() throws(NoteError) -> [WitnessedCheckpoint] {
    var checkpoints: [WitnessedCheckpoint] = []
    for (index, note) in notes.enumerated() {
      checkpoints.append(
        WitnessedCheckpoint(
          number: index + 1, note: note, checkpoint: try TreeCheckpoint(text: note.text)))
    }
    return checkpoints
  }
}

/// One checkpoint of a witness record: its place (from 1), the note and its body.
public struct WitnessedCheckpoint: Sendable, Equatable {
  public let number: Int
  public let note: SignedNote
  public let checkpoint: TreeCheckpoint

  /// The extension line that marks a checkpoint the witness accepted although it does not
  /// extend the one before (a restore from backup), with the reason the auditor gave.
  public static let rollbackMarker = "samhand-rollback-accepted"

  /// The reason, when this checkpoint records an accepted rollback.
  public var acceptedRollbackReason: String? {
    for line in checkpoint.extensions where line.hasPrefix(Self.rollbackMarker + " ") {
      return String(line.dropFirst(Self.rollbackMarker.count + 1))
    }
    return nil
  }
}
