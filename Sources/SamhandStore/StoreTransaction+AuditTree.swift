import Foundation
import SamhandAudit

/// The audit log's Merkle tree inside the caller's transaction: every append adds its leaf
/// (see `StoreTransaction+Audit.swift`), every checkpoint is also written as a C2SP signed
/// note over the tree, and proofs are read from the stored subtree hashes.
extension StoreTransaction {
  /// The log's origin line (set when the database was created).
  public func auditOrigin() throws -> String {
    guard let origin = try AuditTreeQueries.origin(connection) else {
      throw StoreError.database("the audit log has no origin; reopen the store to set one")
    }
    return origin
  }

  /// How many entries the tree holds (equal to the log's entries unless an upgrade stopped).
  public func auditTreeSize() throws -> Int64 {
    try AuditTreeRows(connection: connection).treeSize()
  }

  /// The proof that entry `entry` (from 1) is in the tree of `treeSize` entries (default:
  /// all).
  public func auditInclusionProof(entry: Int64, treeSize: Int64? = nil) throws -> InclusionProof {
    try AuditTreeQueries.inclusion(connection, entry: entry, treeSize: treeSize)
  }

  /// The proof that the tree of `newSize` entries (default: all) extends that of `oldSize`.
  public func auditConsistencyProof(from oldSize: Int64, to newSize: Int64? = nil) throws
    -> ConsistencyProof
  {
    try AuditTreeQueries.consistency(connection, from: oldSize, to: newSize)
  }

  /// The newest checkpoint as a signed note.
  public func latestSignedCheckpoint() throws -> SignedNote? {
    try AuditTreeQueries.latestCheckpoint(connection)
  }

  /// The note signer of this log: the audit key under the origin as key name.
  public func auditNoteSigner() throws -> NoteSigner {
    try NoteSigner(name: auditOrigin(), type: .ed25519, key: keyRing.auditSigningKey)
  }

  /// Signs and stores a checkpoint note over the first `treeSize` entries, unless one exists.
  @discardableResult
  func writeSignedCheckpoint(treeSize: Int64) throws -> SignedNote {
    if let existing = try connection.fetchValue(
      "SELECT note FROM audit_signed_checkpoints WHERE tree_size = \(treeSize)", as: String.self)
    {
      return try SignedNote(parsing: existing)
    }
    let rows = AuditTreeRows(connection: connection)
    let stored = try rows.treeSize()
    guard stored >= treeSize else {
      throw AuditTreeError.behind(treeSize: stored, entries: treeSize)
    }
    let checkpoint = TreeCheckpoint(
      origin: try auditOrigin(), size: treeSize,
      root: try MerkleTree.root(treeSize: treeSize, from: rows))
    let note = SignedNote(
      text: checkpoint.text, signatures: [try auditNoteSigner().sign(checkpoint.text)])
    try connection.execute(
      """
      INSERT INTO audit_signed_checkpoints (tree_size, time_ms, note)
      VALUES (\(treeSize), \(Timestamp.milliseconds(clock.now)), \(note.serialized))
      """)
    return note
  }
}
