import Foundation
import SamhandAudit

/// The audit log inside the caller's transaction: an entry commits or rolls back together with
/// the change it records, and a failed append fails the whole transaction (fail closed).
extension StoreTransaction {
  /// Appends `event` after the current head, adds its leaf to the Merkle tree and writes a
  /// signed checkpoint every `checkpointInterval` entries.
  @discardableResult
  public func appendAudit(_ event: AuditEvent) throws -> AuditEntry {
    var edge = try treeEdge()
    var buffer: [UInt8] = []
    let entry = try append(event, to: &edge, buffer: &buffer)
    auditEdge.keep(edge.frontier, at: entry.head)
    return entry
  }

  /// Appends `events` in order, reading the head once: for the group commit of many reads.
  public func appendAudit(contentsOf events: [AuditEvent]) throws {
    var edge = try treeEdge()
    var buffer: [UInt8] = []
    for event in events {
      try append(event, to: &edge, buffer: &buffer)
    }
    if let head = edge.head { auditEdge.keep(edge.frontier, at: head) }
  }

  /// Writes the entry row with its tree hashes (one row per append, see `AuditTreeRows`),
  /// the left siblings taken from the tree's right edge, which the append moves on.
  @discardableResult
  private func append(
    _ event: AuditEvent, to edge: inout (head: AuditHead?, frontier: MerkleFrontier),
    buffer: inout [UInt8]
  ) throws -> AuditEntry {
    let entry = AuditChain.append(event, after: edge.head, buffer: &buffer)
    let leaf = MerkleHash.leaf(sequence: entry.sequence, event: event, buffer: &buffer)
    try AuditRow.insert(
      entry, treeHashes: AuditTreeRows.data(edge.frontier.appendReturningStored(leaf)),
      into: connection)
    edge.head = entry.head
    if entry.sequence % Int64(checkpointInterval) == 0 {
      try writeCheckpoint(at: entry.head)
    }
    return entry
  }

  /// The head to append after and the tree's right edge there: kept from this store's last
  /// append if the head is still the one it was kept with, else read from the tree rows.
  private func treeEdge() throws -> (head: AuditHead?, frontier: MerkleFrontier) {
    guard let head = try treeHead() else { return (nil, MerkleFrontier()) }
    let frontier =
      try auditEdge.frontier(at: head)
      ?? AuditTreeRows(connection: connection).frontier(size: head.sequence)
    return (head, frontier)
  }

  /// The newest entry's sequence and hash, or nil for an empty log.
  public func auditHead() throws -> AuditHead? {
    try connection.fetchOne(
      "SELECT sequence, hash FROM audit_entries ORDER BY sequence DESC LIMIT 1"
    )
    .map { AuditHead(sequence: try $0["sequence"], hash: try $0["hash"]) }
  }

  /// The head to append after; fails closed unless the tree holds every entry up to it.
  private func treeHead() throws -> AuditHead? {
    guard
      let row = try connection.fetchOne(
        """
        SELECT sequence, hash, tree_hashes IS NOT NULL AS in_tree FROM audit_entries
        ORDER BY sequence DESC LIMIT 1
        """)
    else { return nil }
    let head = AuditHead(sequence: try row["sequence"], hash: try row["hash"])
    guard try row["in_tree"] as Bool else {
      throw AuditTreeError.behind(
        treeSize: try AuditTreeRows(connection: connection).treeSize(), entries: head.sequence)
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
    try connection.execute(
      """
      INSERT INTO audit_checkpoints (sequence, head_hash, time_ms, key_id, signature)
      VALUES (\(checkpoint.sequence), \(checkpoint.headHash), \(checkpoint.timeMillis),
        \(checkpoint.keyID), \(checkpoint.signature))
      """)
    return checkpoint
  }

  public func lastCheckpoint() throws -> AuditCheckpoint? {
    try connection.fetchOne(AuditRow.selectCheckpoints("ORDER BY sequence DESC LIMIT 1")).flatMap {
      row in
      var columns = NamedAuditColumns(row: row)
      return AuditRow.checkpoint(from: &columns)
    }
  }

  /// Entries concerning one recipient, oldest first.
  public func auditEntries(recipientID: String) throws -> [AuditEntry] {
    try AuditRow.entries(
      AuditRow.selectEntries("WHERE recipient_id = \(recipientID) ORDER BY sequence"),
      in: connection)
  }

  /// The entries of one actor (a staff id) that name a recipient, from `start` up to, not
  /// including, `end`, oldest first: whom they looked at over a period.
  public func auditEntries(actor: String, from start: Date, to end: Date) throws -> [AuditEntry] {
    try AuditRow.entries(
      AuditRow.selectEntries(
        """
        WHERE actor = \(actor) AND recipient_id IS NOT NULL
          AND time_ms >= \(Timestamp.milliseconds(start)) AND time_ms < \(Timestamp.milliseconds(end))
        ORDER BY sequence
        """), in: connection)
  }
}
