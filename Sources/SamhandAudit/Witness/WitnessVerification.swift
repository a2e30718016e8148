/// Holds a log to what a witness saw: every checkpoint in the witness's record must still
/// be a prefix of the log, with the same root recomputed from the entries themselves (not
/// from anything stored beside them, which whoever holds the data directory can rewrite).
/// An accepted rollback (a deliberate restore the auditor recorded) is the new baseline:
/// the checkpoints before it are no longer required.
///
/// ```swift
/// let roots = try rootsOfLog(at: Set(record.checkpoints().map(\.checkpoint.size)))
/// if let mismatch = WitnessVerification.firstMismatch(in: checkpoints, logSize: n, roots: roots)
/// ```
public enum WitnessVerification {
  public static func firstMismatch(
    in checkpoints: [WitnessedCheckpoint], logSize: Int64, roots: [Int64: MerkleHash]
  ) -> WitnessMismatch? {
    for (position, witnessed) in checkpoints.enumerated() {
      let size = witnessed.checkpoint.size
      let released = checkpoints[(position + 1)...].contains { $0.acceptedRollbackReason != nil }
      if released { continue }
      guard size <= logSize else {
        return WitnessMismatch(checkpoint: witnessed, logSize: logSize, logRoot: nil)
      }
      let root = size == 0 ? MerkleHash.empty : roots[size]
      guard root == witnessed.checkpoint.root else {
        return WitnessMismatch(checkpoint: witnessed, logSize: logSize, logRoot: root)
      }
    }
    return nil
  }
}

/// The first witnessed checkpoint a log no longer matches, and how.
public struct WitnessMismatch: Sendable, Equatable, CustomStringConvertible {
  public let checkpoint: WitnessedCheckpoint
  public let logSize: Int64
  /// The log's root at the checkpoint's size; nil when the log is shorter.
  public let logRoot: MerkleHash?

  public var description: String {
    let size = checkpoint.checkpoint.size
    let head =
      "witnessed checkpoint #\(checkpoint.number) (size \(size), root "
      + "\(checkpoint.checkpoint.root.base64)) no longer matches the log: "
    guard logRoot != nil else {
      return head + "the log has only \(logSize) entries (truncated or rolled back)"
    }
    return head + "the first \(size) entries have another root (rewritten or forked)"
  }
}
