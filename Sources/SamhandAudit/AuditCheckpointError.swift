/// Why a checkpoint could not be signed.
public enum AuditCheckpointError: Error, Sendable, Equatable, CustomStringConvertible {
  case invalidHead(sequence: Int64, hashByteCount: Int)
  case signingFailed(reason: String)

  public var description: String {
    switch self {
    case .invalidHead(let sequence, let hashByteCount):
      "Cannot sign a checkpoint for head \(sequence) with a \(hashByteCount)-byte hash: "
        + "a head needs sequence 1 or more and a 32-byte hash; sign the head of a written entry"
    case .signingFailed(let reason):
      "Signing the audit checkpoint failed (\(reason)); check the audit signing key"
    }
  }
}
