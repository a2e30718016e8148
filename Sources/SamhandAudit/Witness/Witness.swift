import Foundation

/// The witness's decision on a new checkpoint of the log: cosign it only when it is signed by
/// the pinned log key and extends, by a verified consistency proof, the last checkpoint this
/// witness cosigned. Pure: reading the log and the store file is the caller's business.
///
/// ```swift
/// let witness = Witness(logKey: pinned, cosigner: signer)
/// let note = try witness.cosign(latest, after: record.checkpoints().last, proof: proof, now: t)
/// ```
public struct Witness: Sendable {
  public let logKey: NoteVerifier
  public let cosigner: NoteSigner

  public init(logKey: NoteVerifier, cosigner: NoteSigner) {
    self.logKey = logKey
    self.cosigner = cosigner
  }

  /// The checkpoint's body, if `note` carries the pinned log key's signature.
  public func checkpoint(of note: SignedNote) throws -> TreeCheckpoint {
    guard logKey.verify(note) != nil else {
      throw WitnessError.notSignedByLog(keyName: logKey.name)
    }
    return try TreeCheckpoint(text: note.text)
  }

  /// Checks `note` against the last cosigned checkpoint (`proof` proves consistency from
  /// its size to the note's) and returns the note with this witness's cosignature added, or
  /// nil when the note repeats the last checkpoint.
  public func cosign(
    _ note: SignedNote, after last: TreeCheckpoint?, proof: [MerkleHash], now: Date
  ) throws -> SignedNote? {
    let new = try checkpoint(of: note)
    if let last {
      guard new.origin == last.origin else {
        throw WitnessError.originChanged(witnessed: last.origin, found: new.origin)
      }
      guard new.size >= last.size else {
        throw WitnessError.rollback(witnessedSize: last.size, foundSize: new.size)
      }
      if new.size == last.size {
        guard new.root == last.root else { throw WitnessError.fork(size: new.size) }
        return nil
      }
      guard
        MerkleTree.verifyConsistency(
          from: last.size, to: new.size, proof: proof, oldRoot: last.root, newRoot: new.root)
      else { throw WitnessError.inconsistent(fromSize: last.size, toSize: new.size) }
    }
    var cosigned = SignedNote(
      text: note.text, signatures: note.signatures.filter { $0.name == logKey.name })
    cosigned.signatures.append(try cosigner.cosign(note.text, timestamp: Self.seconds(now)))
    return cosigned
  }

  /// A statement that the auditor accepts `note` although it does not extend what this
  /// witness saw (a deliberate restore from backup): the checkpoint with an extension line
  /// giving the reason, cosigned by this witness alone. `verify --witness` holds the log to
  /// it, and no longer to the checkpoints witnessed before it.
  public func acceptRollback(to note: SignedNote, reason: String, now: Date) throws -> SignedNote {
    let new = try checkpoint(of: note)
    let line =
      WitnessedCheckpoint.rollbackMarker + " "
      + reason.split(whereSeparator: \.isNewline).joined(separator: " ")
    let statement = TreeCheckpoint(
      origin: new.origin, size: new.size, root: new.root, extensions: new.extensions + [line])
    return SignedNote(
      text: statement.text,
      signatures: [try cosigner.cosign(statement.text, timestamp: Self.seconds(now))])
  }

  static func seconds(_ date: Date) -> UInt64 {
    UInt64(max(0, date.timeIntervalSince1970.rounded(.down)))
  }
}
