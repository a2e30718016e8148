import Crypto
import Foundation

/// Checking the signed checkpoints against the chain as the entries stream by.
extension AuditVerifier {
  /// Checks every checkpoint up to the entry just verified against the chain, recording the
  /// head at each so that a bad signature found later can be reported as if found here.
  mutating func checkCheckpoints(reachedBy entry: AuditEntry) {
    while nextCheckpoint < checkpoints.count, checkpoints[nextCheckpoint].sequence <= lastSequence {
      let checkpoint = checkpoints[nextCheckpoint]
      headsAtCheckpoints.append(ChainPosition(sequence: lastSequence, hash: lastHash))
      guard checkpoint.sequence == lastSequence else {
        settle(
          .badCheckpoint, at: checkpoint.sequence,
          "a checkpoint claims sequence \(checkpoint.sequence), but a log starts at 1")
        return
      }
      guard ChainHash(checkpoint.headHash) == lastHash else {
        beginRewriteDiagnosis(at: entry, checkpoint: checkpoint)
        return
      }
      checkpointsChecked += 1
      nextCheckpoint += 1
    }
  }

  /// At the end of an otherwise intact log: a checkpoint beyond the last entry vouches for
  /// entries that are gone (unless it is itself forged, which `finish` checks first).
  func problemOfCheckpointsBeyondEnd() -> AuditProblem? {
    guard nextCheckpoint < checkpoints.count else { return nil }
    let checkpoint = checkpoints[nextCheckpoint]
    let firstGone = lastSequence &+ 1
    let gone =
      firstGone == checkpoint.sequence ? "it was" : "\(firstGone)…\(checkpoint.sequence) were"
    return AuditProblem(
      sequence: firstGone, kind: .truncated,
      detail: "checkpoint \(checkpoint.sequence) (\(checkpoint.describedSigning)) vouches for "
        + "entries up to \(checkpoint.sequence), but the log ends at entry \(lastSequence): "
        + "\(gone) removed")
  }
}

extension AuditCheckpoint {
  /// "signed with key 'audit-1' at 2026-01-01T00:00:00Z", for problem details.
  var describedSigning: String {
    let time = Date(timeIntervalSince1970: Double(timeMillis) / 1000).ISO8601Format()
    return "signed with key '\(keyID)' at \(time)"
  }
}
