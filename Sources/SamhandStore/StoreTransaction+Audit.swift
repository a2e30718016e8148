import Foundation
import GRDB
import SamhandAudit

/// The audit log inside the caller's transaction: an entry commits or rolls back together with
/// the change it records, and a failed append fails the whole transaction (fail closed).
extension StoreTransaction {
  /// Appends `event` after the current head, adds its leaf to the Merkle tree and writes a
  /// signed checkpoint every `checkpointInterval` entries.
  @discardableResult
  public func appendAudit(_ event: AuditEvent) throws -> AuditEntry {
    var buffer: [UInt8] = []
    return try append(event, after: try treeHead(), buffer: &buffer)
  }

  /// Appends `events` in order, reading the head once: for the group commit of many reads.
  public func appendAudit(contentsOf events: [AuditEvent]) throws {
    var head = try treeHead()
    var buffer: [UInt8] = []
    for event in events {
      head = try append(event, after: head, buffer: &buffer).head
    }
  }

  /// Writes the entry row with its tree hashes (one row per append, see `AuditTreeRows`).
  private func append(_ event: AuditEvent, after head: AuditHead?, buffer: inout [UInt8]) throws
    -> AuditEntry
  {
    let entry = AuditChain.append(event, after: head, buffer: &buffer)
    let leaf = MerkleHash.leaf(sequence: entry.sequence, event: event, buffer: &buffer)
    try AuditRow.insert(
      entry, treeHashes: try AuditTreeRows(db: db).hashes(appending: leaf, at: entry.sequence - 1),
      into: db)
    if entry.sequence % Int64(checkpointInterval) == 0 {
      try writeCheckpoint(at: AuditHead(sequence: entry.sequence, hash: entry.hash))
    }
    return entry
  }

  /// The newest entry's sequence and hash, or nil for an empty log.
  public func auditHead() throws -> AuditHead? {
    try Row.fetchOne(
      db.cachedStatement(
        sql: "SELECT sequence, hash FROM audit_entries ORDER BY sequence DESC LIMIT 1")
    )
    .map { AuditHead(sequence: $0["sequence"], hash: $0["hash"]) }
  }

  /// The head to append after; fails closed unless the tree holds every entry up to it.
  private func treeHead() throws -> AuditHead? {
    guard
      let row = try Row.fetchOne(
        db.cachedStatement(
          sql: """
            SELECT sequence, hash, tree_hashes IS NOT NULL AS in_tree FROM audit_entries
            ORDER BY sequence DESC LIMIT 1
            """))
    else { return nil }
    let head = AuditHead(sequence: row["sequence"], hash: row["hash"])
    guard row["in_tree"] as Bool else {
      throw AuditTreeError.behind(
        treeSize: try AuditTreeRows(db: db).treeSize(), entries: head.sequence)
    }
    return head
  }

  /// Signs and stores a checkpoint over the current head, unless one already covers it, in
  /// both forms: the chain checkpoint and the C2SP signed note over the Merkle tree.
  @discardableResult
  public func writeCheckpoint() throws -> AuditCheckpoint? {
    guard let head = try auditHead() else { return nil }
    return try writeCheckpoint(at: head)
  }

  @discardableResult
  private func writeCheckpoint(at head: AuditHead) throws -> AuditCheckpoint {
    try writeSignedCheckpoint(treeSize: head.sequence)
    if let last = try lastCheckpoint(), last.sequence == head.sequence { return last }
    let checkpoint = try AuditCheckpoint.sign(
      head: head, timeMillis: Timestamp.milliseconds(clock.now), keyID: keyRing.auditKeyID,
      key: keyRing.auditSigningKey)
    try db.cachedStatement(
      sql: """
        INSERT INTO audit_checkpoints (sequence, head_hash, time_ms, key_id, signature)
        VALUES (?, ?, ?, ?, ?)
        """
    ).execute(arguments: [
      checkpoint.sequence, checkpoint.headHash, checkpoint.timeMillis, checkpoint.keyID,
      checkpoint.signature,
    ])
    return checkpoint
  }

  public func lastCheckpoint() throws -> AuditCheckpoint? {
    try AuditRow.checkpoints(
      of: db.makeStatement(
        sql: AuditRow.selectCheckpointsSQL + " ORDER BY sequence DESC LIMIT 1")
    ).first ?? nil
  }

  /// Entries concerning one recipient, oldest first.
  public func auditEntries(recipientID: String) throws -> [AuditEntry] {
    try entries(
      db.makeStatement(sql: AuditRow.selectSQL + " WHERE recipient_id = ? ORDER BY sequence"),
      arguments: [recipientID])
  }

  /// The entries of one actor (a staff id) that name a recipient, from `start` up to, not
  /// including, `end`, oldest first: whom they looked at over a period.
  public func auditEntries(actor: String, from start: Date, to end: Date) throws -> [AuditEntry] {
    try entries(
      db.makeStatement(
        sql: AuditRow.selectSQL
          + " WHERE actor = ? AND recipient_id IS NOT NULL AND time_ms >= ? AND time_ms < ?"
          + " ORDER BY sequence"),
      arguments: [actor, Timestamp.milliseconds(start), Timestamp.milliseconds(end)])
  }
}

extension StoreTransaction {
  /// The decodable entries a statement selects (undecodable ones are the verifier's business).
  private func entries(_ statement: Statement, arguments: StatementArguments) throws
    -> [AuditEntry]
  {
    statement.arguments = arguments
    var entries: [AuditEntry] = []
    try AuditRow.forEachEntry(of: statement) { decoded in
      if case .success(let entry) = decoded { entries.append(entry) }
    }
    return entries
  }
}
