import Crypto
import Foundation

/// Checking checkpoint signatures apart from the chain walk, on a second core while a batch of
/// entries is hashed. A signature depends only on its checkpoint and the public keys, so it
/// can be checked before the walk reaches the checkpoint; `finish()` then reports the first
/// failure only if the walk reached that checkpoint, exactly as a check in the walk would.
extension AuditVerifier {
  /// The first checkpoint, in sequence order, whose signature does not verify.
  struct SignatureFailure: Sendable {
    let index: Int
    let problem: AuditProblem
  }

  /// Feeds `entries` in order, as `feed(_:)` one by one would, while the signatures of the
  /// checkpoints this batch can reach are checked concurrently and the entries are encoded on
  /// another core ahead of the hashing (see `walk(_:)`). The report is the same.
  /// (An array, not any collection: a generic walk would not be specialized across modules.)
  public mutating func feed(contentsOf entries: [AuditEntry]) async {
    var noTree: MerkleRecomputation?
    await feed(contentsOf: entries, tree: &noTree)
  }

  /// `feed(contentsOf:)`, appending the same entries to `tree` (if any) from the walk's
  /// encodings (see `AuditVerifier+Tree.swift`).
  mutating func feed(contentsOf entries: [AuditEntry], tree: inout MerkleRecomputation?) async {
    let reachable = signaturesReachable(within: entries.count)
    guard !reachable.isEmpty else {
      await walk(entries, tree: &tree)
      return
    }
    let checkpoints = checkpoints
    let publicKeys = publicKeys
    async let failure = Self.firstSignatureFailure(
      of: checkpoints, in: reachable, publicKeys: publicKeys)
    await walk(entries, tree: &tree)
    let found = await failure
    signatureFailure = found
    signaturesChecked = found.map { $0.index + 1 } ?? reachable.upperBound
  }

  /// The checkpoints not yet checked that the next `count` entries can reach: the walk never
  /// gets beyond sequence `lastSequence + count`.
  private func signaturesReachable(within count: Int) -> Range<Int> {
    guard signatureFailure == nil else { return signaturesChecked..<signaturesChecked }
    let limit = lastSequence &+ Int64(count)
    var end = signaturesChecked
    while end < checkpoints.count, checkpoints[end].sequence <= limit {
      end += 1
    }
    return signaturesChecked..<end
  }

  /// Checks the signatures of `checkpoints[range]` in order and stops at the first failure.
  static func firstSignatureFailure(
    of checkpoints: [AuditCheckpoint], in range: Range<Int>, publicKeys: [String: Data]
  ) -> SignatureFailure? {
    var keys: [String: Curve25519.Signing.PublicKey] = [:]
    for index in range {
      let checkpoint = checkpoints[index]
      let key =
        keys[checkpoint.keyID]
        ?? publicKeys[checkpoint.keyID].flatMap {
          try? Curve25519.Signing.PublicKey(rawRepresentation: $0)
        }
      keys[checkpoint.keyID] = key
      if let problem = signatureProblem(of: checkpoint, key: key) {
        return SignatureFailure(index: index, problem: problem)
      }
    }
    return nil
  }

  private static func signatureProblem(
    of checkpoint: AuditCheckpoint, key: Curve25519.Signing.PublicKey?
  ) -> AuditProblem? {
    guard let key else {
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
