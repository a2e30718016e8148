import Foundation
import SamhandAudit

/// The audit log's tree and signed checkpoints read straight from the database file,
/// opened read-only, with no key: what auditors' proofs, the witness step and
/// `verify --witness` use, so none of them needs the running server or the key ring.
///
/// ```swift
/// let proof = try AuditLogFile.inclusionProof(databaseAt: db, entry: 7, treeSize: nil)
/// let (entries, roots) = try AuditLogFile.recomputedRoots(databaseAt: db, at: [5, 182])
/// ```
public enum AuditLogFile {
  public static func inclusionProof(databaseAt url: URL, entry: Int64, treeSize: Int64?) throws
    -> InclusionProof
  {
    try reading(url) { try AuditTreeQueries.inclusion($0, entry: entry, treeSize: treeSize) }
  }

  public static func consistencyProof(databaseAt url: URL, from oldSize: Int64, to newSize: Int64?)
    throws -> ConsistencyProof
  {
    try reading(url) { try AuditTreeQueries.consistency($0, from: oldSize, to: newSize) }
  }

  /// The newest signed checkpoint and the log's origin.
  public static func latestCheckpoint(databaseAt url: URL) throws -> SignedNote {
    guard let note = try reading(url, AuditTreeQueries.latestCheckpoint) else {
      throw AuditTreeError.noCheckpoint
    }
    return note
  }

  public static func origin(databaseAt url: URL) throws -> String? {
    try reading(url, AuditTreeQueries.origin)
  }

  /// Every signed checkpoint stored in the log, oldest first.
  public static func signedCheckpoints(databaseAt url: URL) throws -> [SignedNote] {
    try reading(url, AuditTreeQueries.checkpoints)
  }
}
