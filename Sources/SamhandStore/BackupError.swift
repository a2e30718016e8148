/// Why `samhand backup` or `samhand restore` refused. Each case is one line an operator can
/// act on; a refused restore leaves nothing behind.
public enum BackupError: Error, Equatable, Sendable, CustomStringConvertible {
  case targetExists(path: String)
  case backupMissing(path: String)
  case notABackup(path: String, reason: String)
  case damaged(path: String, problem: String)
  case schemaTooNew(path: String, found: Int, supported: Int)
  case dataDirectoryNotEmpty(path: String)
  case keysUnusable(path: String, reason: String)
  case keysDoNotOpen(path: String, reason: String)
  case auditLogBroken(path: String, report: String)
  case fileAccess(path: String, reason: String)

  public var description: String {
    switch self {
    case .targetExists(let path):
      return "\(path) exists; choose a new file name"
    case .backupMissing(let path):
      return "no backup at \(path)"
    case .notABackup(let path, let reason):
      return "\(path) is not a Samhand backup (\(reason)); give a file written by samhand backup"
    case .damaged(let path, let problem):
      return "the backup \(path) is damaged (integrity check: \(problem)); use another backup"
    case .schemaTooNew(let path, let found, let supported):
      return
        "the backup \(path) has schema version \(found), newer than this samhand supports "
        + "(\(supported)); restore it with the samhand version that wrote it, or a newer one"
    case .dataDirectoryNotEmpty(let path):
      return "\(path) is not empty; restore needs a new or empty data directory"
    case .keysUnusable(let path, let reason):
      return "the keys in \(path) cannot be used: \(reason)"
    case .keysDoNotOpen(let path, let reason):
      return "the keys in \(path) do not open this backup: \(reason); give the keys directory "
        + "of the installation the backup was taken from"
    case .auditLogBroken(let path, let report):
      return "the audit log in the backup \(path) does not verify (\(report)); "
        + "see ops/runbooks/incident.md"
    case .fileAccess(let path, let reason):
      return "cannot use \(path): \(reason)"
    }
  }
}
