/// What the verifier keeps after the first problem to tell a changed entry from a missing,
/// inserted or reordered one, in constant memory.
///
/// The chain is broken where the log should hold entry `anchorSequence`, chained from
/// `anchorPrevious`. The diagnosis looks further down the log for the genuine entry of that
/// place (one that chains there). Found right after a mismatch through its stored hash, the
/// damage is a change; found later, the rows before it did not belong there: if the chain then
/// goes on to the end they were inserted, otherwise entries were reordered. Never found, the
/// first guess (from the sequence numbers) stands.
struct AuditDiagnosis: Sendable {
  enum Stage: Sendable {
    /// Looking for the genuine entry of the anchor; `mismatch` holds, for the row right after
    /// a hash mismatch, the hash recomputed from the anomalous row and its stored hash.
    case searching(mismatch: (recomputed: ChainHash, stored: ChainHash?)?)
    /// Found it; following the chain from there.
    case following(sequence: Int64, previous: ChainHash)
  }

  /// The first guess, and the problem reported if nothing later refines it.
  let provisional: AuditProblem
  let anchorSequence: Int64
  let anchorPrevious: ChainHash
  /// The first row that did not verify.
  let anomaly: AuditEntry
  var highestSequenceSeen: Int64
  var stage: Stage

  init(
    provisional: AuditProblem, anchorSequence: Int64, anchorPrevious: ChainHash,
    anomaly: AuditEntry, mismatch: (recomputed: ChainHash, stored: ChainHash?)?
  ) {
    self.provisional = provisional
    self.anchorSequence = anchorSequence
    self.anchorPrevious = anchorPrevious
    self.anomaly = anomaly
    self.highestSequenceSeen = anomaly.sequence
    self.stage = .searching(mismatch: mismatch)
  }

  /// Looks at the next row; returns the final problem once the classification is certain.
  mutating func feed(_ entry: AuditEntry, buffer: inout [UInt8]) -> AuditProblem? {
    highestSequenceSeen = max(highestSequenceSeen, entry.sequence)
    let stored = entry.inlineHash
    switch stage {
    case .searching(let mismatch):
      if let mismatch, let problem = classifyMismatch(mismatch, next: entry, buffer: &buffer) {
        return problem
      }
      stage = .searching(mismatch: nil)
      let genuine = AuditChain.chainHash(
        previous: anchorPrevious, sequence: anchorSequence, event: entry.event, buffer: &buffer)
      guard genuine == stored else { return nil }
      let anomalyFollows =
        AuditChain.chainHash(
          previous: genuine, sequence: anchorSequence &+ 1, event: anomaly.event, buffer: &buffer)
        == anomaly.inlineHash
      if anomalyFollows {
        return reordered
      }
      stage = .following(sequence: anchorSequence, previous: genuine)
      return nil
    case .following(let sequence, let previous):
      let next = sequence &+ 1
      guard
        entry.sequence == next,
        AuditChain.chainHash(
          previous: previous, sequence: next, event: entry.event, buffer: &buffer)
          == stored
      else { return reordered }
      stage = .following(sequence: next, previous: stored ?? previous)
      return nil
    }
  }

  /// The verdict when the log ends.
  func conclusion() -> AuditProblem {
    switch stage {
    case .searching:
      return provisional
    case .following(let sequence, _):
      guard sequence >= highestSequenceSeen else { return reordered }
      return AuditProblem(
        sequence: anchorSequence, kind: .inserted,
        detail: "a row that is not part of the chain stands \(Self.after(anchorSequence - 1)) "
          + "(it carries sequence \(anomaly.sequence)): it was inserted")
    }
  }

  /// Right after a hash mismatch: if the next row chains from the recomputed hash, only the
  /// stored hash was altered; if it chains from the stored hash, the content was.
  private func classifyMismatch(
    _ mismatch: (recomputed: ChainHash, stored: ChainHash?), next entry: AuditEntry,
    buffer: inout [UInt8]
  ) -> AuditProblem? {
    let stored = entry.inlineHash
    let nextSequence = anchorSequence &+ 1
    let fromRecomputed = AuditChain.chainHash(
      previous: mismatch.recomputed, sequence: nextSequence, event: entry.event, buffer: &buffer)
    if fromRecomputed == stored {
      return changed("its stored hash was altered; its content still chains")
    }
    guard let anomalyStored = mismatch.stored else { return nil }
    let fromStored = AuditChain.chainHash(
      previous: anomalyStored, sequence: nextSequence, event: entry.event, buffer: &buffer)
    guard fromStored == stored else { return nil }
    return changed("its content was altered after it was hashed")
  }

  private func changed(_ why: String) -> AuditProblem {
    AuditProblem(
      sequence: anchorSequence, kind: .changed, detail: "entry \(anchorSequence): \(why)")
  }

  private var reordered: AuditProblem {
    AuditProblem(
      sequence: anchorSequence, kind: .reordered,
      detail: "entry \(anchorSequence) is not where the chain puts it: entries were reordered")
  }

  /// "at the start of the log" or "after entry N".
  static func after(_ sequence: Int64) -> String {
    sequence < 1 ? "at the start of the log" : "after entry \(sequence)"
  }
}
