import Crypto
import Foundation

/// Checking the signed checkpoints against the chain as the entries stream by.
extension AuditVerifier {
  /// Checks every checkpoint up to the entry just verified.
  mutating func checkCheckpoints(reachedBy entry: AuditEntry) {
    while nextCheckpoint < checkpoints.count, checkpoints[nextCheckpoint].sequence <= lastSequence {
      let checkpoint = checkpoints[nextCheckpoint]
      if let problem = signatureProblem(of: checkpoint) {
        state = .settled(problem)
        return
      }
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
  /// entries that are gone, unless it is itself forged.
  func problemOfCheckpointsBeyondEnd() -> AuditProblem? {
    guard nextCheckpoint < checkpoints.count else { return nil }
    let checkpoint = checkpoints[nextCheckpoint]
    if let problem = signatureProblem(of: checkpoint) {
      return problem
    }
    let firstGone = lastSequence &+ 1
    let gone =
      firstGone == checkpoint.sequence ? "it was" : "\(firstGone)…\(checkpoint.sequence) were"
    return AuditProblem(
      sequence: firstGone, kind: .truncated,
      detail: "checkpoint \(checkpoint.sequence) (\(checkpoint.describedSigning)) vouches for "
        + "entries up to \(checkpoint.sequence), but the log ends at entry \(lastSequence): "
        + "\(gone) removed")
  }

  func signatureProblem(of checkpoint: AuditCheckpoint) -> AuditProblem? {
    guard let keyBytes = publicKeys[checkpoint.keyID],
      let key = try? Curve25519.Signing.PublicKey(rawRepresentation: keyBytes)
    else {
      return AuditProblem(
        sequence: checkpoint.sequence, kind: .badCheckpoint,
        detail: "checkpoint \(checkpoint.sequence) names key '\(checkpoint.keyID)', which is not "
          + "among the public keys given; supply that key, or the checkpoint is forged")
    }
    guard checkpoint.hasValidSignature(publicKey: key) else {
      return AuditProblem(
        sequence: checkpoint.sequence, kind: .badCheckpoint,
        detail: "the signature of checkpoint \(checkpoint.sequence) does not verify under key "
          + "'\(checkpoint.keyID)': the checkpoint was altered or forged")
    }
    return nil
  }
}

extension AuditCheckpoint {
  /// "signed with key 'audit-1' at 2026-01-01T00:00:00Z", for problem details.
  var describedSigning: String {
    let time = Date(timeIntervalSince1970: Double(timeMillis) / 1000).ISO8601Format()
    return "signed with key '\(keyID)' at \(time)"
  }
}
