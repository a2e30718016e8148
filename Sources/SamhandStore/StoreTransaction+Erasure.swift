import Foundation
import SamhandCore
import SamhandCrypto

/// Erasure requests (four eyes) and the crypto-shredding an approval performs.
extension StoreTransaction {
  static let erasureRequestsTable = "erasure_requests"

  /// Records a pending request; its reason is sealed under the recipient's data key.
  public func insertErasureRequest(
    recipient: RecipientID, ground: ErasureGround, reason: String, by staff: StaffID
  ) throws -> ErasureRequestID {
    let id = ErasureRequestID.generate()
    let sealed = try sealer(
      table: Self.erasureRequestsTable, rowID: id.rawValue, recipient: recipient
    ).seal(reason, column: "reason_sealed")
    try connection.execute(
      """
      INSERT INTO erasure_requests (id, recipient_id, ground, reason_sealed, requested_by,
        requested_at, status)
      VALUES (\(id.rawValue), \(recipient.rawValue), \(ground.rawValue), \(sealed),
        \(staff.rawValue), \(nowText), 'pending')
      """)
    return id
  }

  public func erasureRequest(_ id: ErasureRequestID) throws -> ErasureRequest? {
    try connection.fetchOne("SELECT * FROM erasure_requests WHERE id = \(id.rawValue)")
      .map(erasureRequest(from:))
  }

  /// Whom a request is about and who made it (ids only, never changed once recorded): what
  /// the gate needs to decide on the request before it opens anything.
  public func erasureRequestParties(_ id: ErasureRequestID) throws
    -> (recipient: RecipientID, requestedBy: StaffID)?
  {
    try connection.fetchOne(
      "SELECT recipient_id, requested_by FROM erasure_requests WHERE id = \(id.rawValue)"
    ).map {
      (RecipientID(rawValue: try $0["recipient_id"]), StaffID(rawValue: try $0["requested_by"]))
    }
  }

  /// The recipient's request waiting for a decision, if any.
  public func pendingErasureRequest(of recipient: RecipientID) throws -> ErasureRequestID? {
    try connection.fetchValue(
      """
      SELECT id FROM erasure_requests
      WHERE recipient_id = \(recipient.rawValue) AND status = 'pending'
      """, as: String.self
    ).map(ErasureRequestID.init(rawValue:))
  }

  /// Requests in the order they were made, among the recipients `visible` admits, after the
  /// one at `position`: the erasure queue's candidates.
  public func erasureRequestCandidates(
    pendingOnly: Bool, visible: RecipientNarrowing, after position: Int64?, limit: Int
  ) throws -> [(id: ErasureRequestID, recipient: RecipientID, position: Int64)] {
    try connection.fetchAll(
      """
      SELECT e.id, e.recipient_id, e.rowid AS position FROM erasure_requests e
      WHERE e.rowid > \(position ?? 0) AND (\(pendingOnly) = 0 OR e.status = 'pending')
        AND \(visible.sql(recipient: "e.recipient_id", category: .identity))
      ORDER BY e.rowid LIMIT \(limit)
      """
    ).map {
      (
        ErasureRequestID(rawValue: try $0["id"]), RecipientID(rawValue: try $0["recipient_id"]),
        try $0["position"]
      )
    }
  }

  /// Rejects a pending request, sealing the leader's reason.
  public func rejectErasureRequest(_ request: ErasureRequest, reason: String, by staff: StaffID)
    throws
  {
    let sealed = try sealer(
      table: Self.erasureRequestsTable, rowID: request.id.rawValue, recipient: request.recipientID
    ).seal(reason, column: "rejection_reason_sealed")
    try decide(request, "rejected", by: staff, setting: "rejection_reason_sealed = \(sealed)")
  }

  /// Approves a pending request and shreds the recipient, in this transaction: records the
  /// key version that wrapped the data key, then destroys it (see `shredRecipient`). Returns
  /// that version.
  public func approveErasureRequest(_ request: ErasureRequest, by staff: StaffID) throws -> Int {
    guard
      let kekVersion = try connection.fetchValue(
        """
        SELECT kek_version FROM recipient_keys
        WHERE recipient_id = \(request.recipientID.rawValue) AND wrapped_key IS NOT NULL
        """, as: Int.self)
    else { throw StoreError.recipientErased(request.recipientID.rawValue) }
    try decide(request, "approved", by: staff, setting: "kek_version = \(kekVersion)")
    try shredRecipient(request.recipientID)
    return kekVersion
  }

  /// Records the decision on a request that must still be pending.
  private func decide(
    _ request: ErasureRequest, _ status: String, by staff: StaffID, setting assignment: StoreSQL
  ) throws {
    let changed = try connection.execute(
      """
      UPDATE erasure_requests SET status = \(status), decided_by = \(staff.rawValue),
        decided_at = \(nowText), \(assignment)
      WHERE id = \(request.id.rawValue) AND status = 'pending'
      """)
    guard changed == 1 else {
      throw StoreError.corruptRow(
        table: Self.erasureRequestsTable, id: request.id.rawValue, reason: "no longer pending")
    }
  }

  /// Approved requests whose key version is `version` or newer and which no longer wait for
  /// any version up to theirs to be retired: the erasures retiring `version` completed.
  public func erasuresCompleted(byRetiring version: Int) throws -> [ErasureRequestID] {
    try connection.fetchValues(
      """
      SELECT e.id FROM erasure_requests e
      WHERE e.status = 'approved' AND e.kek_version >= \(version)
        AND NOT EXISTS (SELECT 1 FROM key_versions k
                        WHERE k.version <= e.kek_version AND k.status != 'retired')
      ORDER BY e.decided_at, e.id
      """, as: String.self
    ).map(ErasureRequestID.init(rawValue:))
  }

  /// Key-encryption key versions recorded and not retired, oldest first.
  public func unretiredKeyVersions() throws -> [Int] {
    try connection.fetchValues(
      "SELECT version FROM key_versions WHERE status != 'retired' ORDER BY version", as: Int.self)
  }

  func erasureRequest(from row: StoreRow) throws -> ErasureRequest {
    let id: String = try row["id"]
    let corrupt = { (reason: String) in
      StoreError.corruptRow(table: Self.erasureRequestsTable, id: id, reason: reason)
    }
    guard let ground = ErasureGround(rawValue: try row["ground"]),
      let status = ErasureStatus(rawValue: try row["status"]),
      let requestedAt = Timestamp.parse(try row["requested_at"])
    else { throw corrupt("unreadable ground, status or time") }
    let decidedText: String? = try row["decided_at"]
    let decidedAt = try decidedText.map { text in
      guard let date = Timestamp.parse(text) else { throw corrupt("unreadable decision time") }
      return date
    }
    let recipient = RecipientID(rawValue: try row["recipient_id"])
    let opener = try dataKey(for: recipient).map {
      FieldSealer(table: Self.erasureRequestsTable, rowID: id, key: $0)
    }
    return ErasureRequest(
      id: ErasureRequestID(rawValue: id), recipientID: recipient, ground: ground,
      reason: try opener.open(try row["reason_sealed"], column: "reason_sealed"),
      requestedBy: StaffID(rawValue: try row["requested_by"]), requestedAt: requestedAt,
      status: status, decidedBy: (try row["decided_by"] as String?).map(StaffID.init(rawValue:)),
      decidedAt: decidedAt,
      rejectionReason: try opener.open(
        optional: try row["rejection_reason_sealed"], column: "rejection_reason_sealed"),
      kekVersion: try row["kek_version"])
  }
}
