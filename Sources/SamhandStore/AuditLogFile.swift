import Foundation
import GRDB
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

  /// The tree recomputed from the entry rows alone (no stored hash is trusted): the number
  /// of entries and the root at each of `sizes` that the log reaches. A row that cannot be
  /// decoded counts as a leaf no honest log has, so every root after it differs.
  public static func recomputedRoots(databaseAt url: URL, at sizes: Set<Int64>) throws
    -> (entries: Int64, roots: [Int64: MerkleHash])
  {
    try reading(url) { db in
      var tree = MerkleRecomputation(rootsAt: sizes)
      try AuditLogVerification.forEachEntry(db) { decoded in
        switch decoded {
        case .success(let entry): tree.append(entry)
        case .failure(let problem): tree.appendUndecodable(reason: problem.reason)
        }
      }
      return (tree.entries, tree.roots)
    }
  }

  private static func reading<T>(_ url: URL, _ body: (Database) throws -> T) throws -> T {
    let queue = try AuditLogVerification.openReadOnly(url)
    return try translatingErrors(path: url.path) { try queue.read(body) }
  }
}
