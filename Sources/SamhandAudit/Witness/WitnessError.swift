/// Why a witness refused to cosign a checkpoint, or why a log no longer matches what a
/// witness saw. Each names the checkpoint and what the auditor can do.
public enum WitnessError: Error, Sendable, Equatable, CustomStringConvertible {
  case notSignedByLog(keyName: String)
  case originChanged(witnessed: String, found: String)
  case rollback(witnessedSize: Int64, foundSize: Int64)
  case fork(size: Int64)
  case inconsistent(fromSize: Int64, toSize: Int64)

  public var description: String {
    switch self {
    case .notSignedByLog(let keyName):
      "The checkpoint is not signed by the log key \(keyName) this witness pinned; "
        + "someone may have replaced the signing key: do not cosign, investigate"
    case .originChanged(let witnessed, let found):
      "The checkpoint is for log \"\(found)\", but this witness follows \"\(witnessed)\"; "
        + "use another store file for another log"
    case .rollback(let witnessedSize, let foundSize):
      "Refused: the log has \(foundSize) entries but this witness already saw \(witnessedSize) "
        + "(truncated or rolled back). After a deliberate restore, run "
        + "`samhand audit witness --accept-rollback --reason TEXT`"
    case .fork(let size):
      "Refused: the log's root at size \(size) differs from the one this witness cosigned "
        + "(rewritten or forked); do not trust the log until this is explained"
    case .inconsistent(let fromSize, let toSize):
      "Refused: the log at size \(toSize) does not extend what this witness saw at size "
        + "\(fromSize) (rewritten or forked); do not trust the log until this is explained"
    }
  }
}
