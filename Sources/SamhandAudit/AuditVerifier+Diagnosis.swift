/// Starting and feeding the diagnosis of the first broken link.
extension AuditVerifier {
  /// The entry at the next place of the chain has the wrong sequence or hash.
  mutating func beginDiagnosis(at entry: AuditEntry, expected: Int64) {
    let stored = entry.inlineHash
    let recomputed = AuditChain.chainHash(
      previous: lastHash, sequence: expected, event: entry.event, buffer: &buffer)
    if entry.sequence != expected, recomputed == stored {
      settle(
        .changed, at: expected,
        "entry \(expected) carries sequence \(entry.sequence), but its content and hash are "
          + "those of entry \(expected): its sequence number was altered")
      return
    }
    if lastSequence >= 1,
      AuditChain.chainHash(
        previous: hashBeforeLast, sequence: lastSequence, event: entry.event, buffer: &buffer)
        == stored
    {
      settle(
        .inserted, at: lastSequence,
        "two different entries claim sequence \(lastSequence) and both chain "
          + "\(AuditDiagnosis.after(lastSequence - 1)): one of them was inserted")
      return
    }
    let provisional: AuditProblem
    let mismatch: (recomputed: ChainHash, stored: ChainHash?)?
    if entry.sequence == expected {
      provisional = AuditProblem(
        sequence: expected, kind: .changed,
        detail: "entry \(expected) does not match its stored hash: its content or hash was changed")
      mismatch = (recomputed, stored)
    } else if entry.sequence > expected {
      let gone =
        entry.sequence == expected + 1
        ? "entry \(expected) is" : "entries \(expected)…\(entry.sequence - 1) are"
      provisional = AuditProblem(
        sequence: expected, kind: .missing,
        detail: "\(gone) missing: entry \(entry.sequence) stands "
          + AuditDiagnosis.after(lastSequence))
      mismatch = nil
    } else {
      provisional = AuditProblem(
        sequence: expected, kind: .inserted,
        detail:
          "an entry with sequence \(entry.sequence) stands \(AuditDiagnosis.after(lastSequence))"
          + ": sequences must rise by one; it was inserted")
      mismatch = nil
    }
    state = .diagnosing(
      AuditDiagnosis(
        provisional: provisional, anchorSequence: expected, anchorPrevious: lastHash,
        anomaly: entry, mismatch: mismatch))
  }

  /// The chain verified up to a signed checkpoint but its head differs from the checkpoint's:
  /// the log before it was rewritten, or the entry at its place was inserted.
  mutating func beginRewriteDiagnosis(at entry: AuditEntry, checkpoint: AuditCheckpoint) {
    let provisional = AuditProblem(
      sequence: checkpoint.sequence, kind: .changed,
      detail: "entry \(checkpoint.sequence)'s hash differs from checkpoint "
        + "\(checkpoint.sequence) (\(checkpoint.describedSigning)): the log up to it was "
        + "rewritten")
    lastSequence -= 1
    lastHash = hashBeforeLast
    state = .diagnosing(
      AuditDiagnosis(
        provisional: provisional, anchorSequence: checkpoint.sequence,
        anchorPrevious: hashBeforeLast, anomaly: entry, mismatch: nil))
  }

  /// Records the first problem as final.
  mutating func settle(_ kind: AuditProblemKind, at sequence: Int64?, _ detail: String) {
    state = .settled(AuditProblem(sequence: sequence, kind: kind, detail: detail))
  }

  mutating func continueDiagnosis(with entry: AuditEntry) {
    guard case .diagnosing(var diagnosis) = state else { return }
    if let problem = diagnosis.feed(entry, buffer: &buffer) {
      state = .settled(problem)
    } else {
      state = .diagnosing(diagnosis)
    }
  }
}
