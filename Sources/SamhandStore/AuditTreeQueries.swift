import Foundation
import SamhandAudit

/// Reads of the audit tree and its signed checkpoints, shared by store transactions and the
/// read-only file path (`AuditLogFile`) that auditors and witnesses use without any key.
enum AuditTreeQueries {
  static func origin(_ connection: any SQLConnection) throws -> String? {
    try connection.fetchValue("SELECT origin FROM audit_log_origin WHERE id = 1", as: String.self)
  }

  /// The newest signed checkpoint note, as stored.
  static func latestCheckpoint(_ connection: any SQLConnection) throws -> SignedNote? {
    guard
      let text = try connection.fetchValue(
        "SELECT note FROM audit_signed_checkpoints ORDER BY tree_size DESC LIMIT 1",
        as: String.self)
    else { return nil }
    return try SignedNote(parsing: text)
  }

  /// Every signed checkpoint, oldest first.
  static func checkpoints(_ connection: any SQLConnection) throws -> [SignedNote] {
    try connection.fetchValues(
      "SELECT note FROM audit_signed_checkpoints ORDER BY tree_size", as: String.self
    ).map { text throws in try SignedNote(parsing: text) }
  }

  /// Checks that `size` is within the stored tree.
  static func checkSize(_ size: Int64, _ rows: AuditTreeRows) throws {
    let treeSize = try rows.treeSize()
    guard size >= 1, size <= treeSize else {
      throw MerkleError.sizeOutOfRange(size: size, treeSize: treeSize)
    }
  }

  static func inclusion(_ connection: any SQLConnection, entry: Int64, treeSize: Int64?) throws
    -> InclusionProof
  {
    let rows = AuditTreeRows(connection: connection)
    let size = try treeSize ?? rows.treeSize()
    try checkSize(size, rows)
    guard entry >= 1, entry <= size else {
      throw MerkleError.leafOutOfRange(leaf: entry - 1, treeSize: size)
    }
    return try MerkleTree.inclusion(entry: entry, treeSize: size, from: rows)
  }

  static func consistency(_ connection: any SQLConnection, from oldSize: Int64, to newSize: Int64?)
    throws -> ConsistencyProof
  {
    let rows = AuditTreeRows(connection: connection)
    let size = try newSize ?? rows.treeSize()
    try checkSize(size, rows)
    guard oldSize >= 1 else { throw MerkleError.sizeOutOfRange(size: oldSize, treeSize: size) }
    return try MerkleTree.consistency(from: oldSize, to: size, in: rows)
  }
}
