import Foundation
import GRDB
import SamhandAudit

/// Reads of the audit tree and its signed checkpoints, shared by store transactions and the
/// read-only file path (`AuditLogFile`) that auditors and witnesses use without any key.
enum AuditTreeQueries {
  static func origin(_ db: Database) throws -> String? {
    try String.fetchOne(db, sql: "SELECT origin FROM audit_log_origin WHERE id = 1")
  }

  /// The newest signed checkpoint note, as stored.
  static func latestCheckpoint(_ db: Database) throws -> SignedNote? {
    guard
      let text = try String.fetchOne(
        db, sql: "SELECT note FROM audit_signed_checkpoints ORDER BY tree_size DESC LIMIT 1")
    else { return nil }
    return try SignedNote(parsing: text)
  }

  /// Every signed checkpoint, oldest first.
  static func checkpoints(_ db: Database) throws -> [SignedNote] {
    try String.fetchAll(db, sql: "SELECT note FROM audit_signed_checkpoints ORDER BY tree_size")
      .map { text throws in try SignedNote(parsing: text) }
  }

  /// Checks that `size` is within the stored tree.
  static func checkSize(_ size: Int64, _ rows: AuditTreeRows) throws {
    let treeSize = try rows.treeSize()
    guard size >= 1, size <= treeSize else {
      throw MerkleError.sizeOutOfRange(size: size, treeSize: treeSize)
    }
  }

  static func inclusion(_ db: Database, entry: Int64, treeSize: Int64?) throws -> InclusionProof {
    let rows = AuditTreeRows(db: db)
    let size = try treeSize ?? rows.treeSize()
    try checkSize(size, rows)
    guard entry >= 1, entry <= size else {
      throw MerkleError.leafOutOfRange(leaf: entry - 1, treeSize: size)
    }
    return try MerkleTree.inclusion(entry: entry, treeSize: size, from: rows)
  }

  static func consistency(_ db: Database, from oldSize: Int64, to newSize: Int64?) throws
    -> ConsistencyProof
  {
    let rows = AuditTreeRows(db: db)
    let size = try newSize ?? rows.treeSize()
    try checkSize(size, rows)
    guard oldSize >= 1 else { throw MerkleError.sizeOutOfRange(size: oldSize, treeSize: size) }
    return try MerkleTree.consistency(from: oldSize, to: size, in: rows)
  }
}
