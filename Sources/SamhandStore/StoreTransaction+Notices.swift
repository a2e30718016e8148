import Foundation
import SamhandCore

/// Notices to the coordinating unit (migration 0016): sent by a service, taken up and given a
/// coordinator by the unit. The note is sealed under the recipient's data key.
extension StoreTransaction {
  static let noticesTable = "notices"

  /// Stores a new, open notice and returns its id.
  public func insertNotice(
    recipient: RecipientID, need: Notice.Need, note: String?, from staff: StaffID,
    service: ServiceCode
  ) throws -> NoticeID {
    let (id, _): (NoticeID, FieldSealer) = try insertSealedRow(
      into: Self.noticesTable, recipient: recipient,
      columns: [
        "recipient_id", "need", "note_sealed", "from_staff", "from_service", "sent_at", "status",
      ],
      values: { sealer in
        [
          recipient.rawValue, need.rawValue,
          try note.map { try sealer.seal($0, column: "note_sealed") }, staff.rawValue,
          service.rawValue, nowText, Notice.Status.open.rawValue,
        ]
      })
    return id
  }

  public func recipientID(ofNotice id: NoticeID) throws -> RecipientID? {
    try connection.fetchValue(
      "SELECT recipient_id FROM notices WHERE id = \(id.rawValue)", as: String.self
    ).map(RecipientID.init(rawValue:))
  }

  /// The notice with its note opened (or erased), nil when there is none.
  public func notice(_ id: NoticeID) throws -> Notice? {
    guard
      let row = try connection.fetchOne(
        """
        SELECT id, recipient_id, need, note_sealed, from_staff, from_service, sent_at, status,
          accepted_by, accepted_at, coordinator, handover_id, assigned_by, assigned_at
        FROM notices WHERE id = \(id.rawValue)
        """)
    else { return nil }
    let recipient = RecipientID(rawValue: try row["recipient_id"])
    func corrupt(_ reason: String) -> StoreError {
      .corruptRow(table: Self.noticesTable, id: id.rawValue, reason: reason)
    }
    guard let need = Notice.Need(rawValue: try row["need"]) else { throw corrupt("unknown need") }
    guard let status = Notice.Status(rawValue: try row["status"]) else {
      throw corrupt("unknown status")
    }
    guard let service = try? ServiceCode(try row["from_service"] as String) else {
      throw corrupt("bad service")
    }
    guard let sentAt = Timestamp.parse(try row["sent_at"]) else { throw corrupt("bad time") }
    let opener = try dataKey(for: recipient).map {
      FieldSealer(table: Self.noticesTable, rowID: id.rawValue, key: $0)
    }
    func staff(_ column: String) throws -> StaffID? {
      (try row[column] as String?).map(StaffID.init(rawValue:))
    }
    return Notice(
      id: id, recipientID: recipient, need: need,
      note: try opener.open(optional: try row["note_sealed"], column: "note_sealed"),
      fromStaff: StaffID(rawValue: try row["from_staff"]), fromService: service, sentAt: sentAt,
      status: status, acceptedBy: try staff("accepted_by"),
      acceptedAt: (try row["accepted_at"] as String?).flatMap(Timestamp.parse),
      coordinator: try staff("coordinator"),
      handoverID: (try row["handover_id"] as String?).map(HandoverID.init(rawValue:)),
      assignedBy: try staff("assigned_by"),
      assignedAt: (try row["assigned_at"] as String?).flatMap(Timestamp.parse))
  }

  /// Records that the unit took the notice up; false when it was no longer open.
  public func acceptNotice(_ id: NoticeID, by actor: StaffID) throws -> Bool {
    try connection.execute(
      """
      UPDATE notices SET status = 'accepted', accepted_by = \(actor.rawValue),
        accepted_at = \(nowText) WHERE id = \(id.rawValue) AND status = 'open'
      """) == 1
  }

  /// Records the coordinator the unit appointed (and the handover that moves responsibility
  /// to them, if one was needed); an open notice counts as taken up by the same step. False
  /// when the notice had a coordinator already.
  public func assignNotice(
    _ id: NoticeID, coordinator: StaffID, handover: HandoverID?, by actor: StaffID
  ) throws -> Bool {
    let now = nowText
    return try connection.execute(
      """
      UPDATE notices SET status = 'assigned', coordinator = \(coordinator.rawValue),
        handover_id = \(handover?.rawValue), assigned_by = \(actor.rawValue), assigned_at = \(now),
        accepted_by = COALESCE(accepted_by, \(actor.rawValue)),
        accepted_at = COALESCE(accepted_at, \(now))
      WHERE id = \(id.rawValue) AND status != 'assigned'
      """) == 1
  }

  /// Notices (only open ones with `openOnly`) whose recipients `visible` admits for their
  /// `plan` records, in the order they came, after `position`, at most `limit`: the unit's
  /// intake list. The gate still decides on each one.
  public func noticeCandidates(
    openOnly: Bool, visible: RecipientNarrowing, after position: Int64?, limit: Int
  ) throws -> [(id: NoticeID, recipient: RecipientID, position: Int64)] {
    try connection.fetchAll(
      """
      SELECT n.id, n.recipient_id, n.rowid AS position FROM notices n
      WHERE n.rowid > \(position ?? 0) AND (\(openOnly) = 0 OR n.status = 'open')
        AND \(visible.sql(recipient: "n.recipient_id", category: .plan))
      ORDER BY n.rowid LIMIT \(limit)
      """
    ).map {
      (
        NoticeID(rawValue: try $0["id"]), RecipientID(rawValue: try $0["recipient_id"]),
        try $0["position"]
      )
    }
  }
}
