import Foundation
import GRDB
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
    try String.fetchOne(
      db.cachedStatement(sql: "SELECT recipient_id FROM notices WHERE id = ?"),
      arguments: [id.rawValue]
    ).map(RecipientID.init(rawValue:))
  }

  /// The notice with its note opened (or erased), nil when there is none.
  public func notice(_ id: NoticeID) throws -> Notice? {
    guard
      let row = try rows(
        """
        SELECT id, recipient_id, need, note_sealed, from_staff, from_service, sent_at, status,
          accepted_by, accepted_at, coordinator, handover_id, assigned_by, assigned_at
        FROM notices WHERE id = \(id.rawValue)
        """
      ).first
    else { return nil }
    let recipient = RecipientID(rawValue: row["recipient_id"])
    func corrupt(_ reason: String) -> StoreError {
      .corruptRow(table: Self.noticesTable, id: id.rawValue, reason: reason)
    }
    guard let need = Notice.Need(rawValue: row["need"]) else { throw corrupt("unknown need") }
    guard let status = Notice.Status(rawValue: row["status"]) else {
      throw corrupt("unknown status")
    }
    guard let service = try? ServiceCode(row["from_service"] as String) else {
      throw corrupt("bad service")
    }
    guard let sentAt = Timestamp.parse(row["sent_at"]) else { throw corrupt("bad time") }
    let opener = try dataKey(for: recipient).map {
      FieldSealer(table: Self.noticesTable, rowID: id.rawValue, key: $0)
    }
    func staff(_ column: String) -> StaffID? {
      (row[column] as String?).map(StaffID.init(rawValue:))
    }
    return Notice(
      id: id, recipientID: recipient, need: need,
      note: try opener.open(optional: row["note_sealed"], column: "note_sealed"),
      fromStaff: StaffID(rawValue: row["from_staff"]), fromService: service, sentAt: sentAt,
      status: status, acceptedBy: staff("accepted_by"),
      acceptedAt: (row["accepted_at"] as String?).flatMap(Timestamp.parse),
      coordinator: staff("coordinator"),
      handoverID: (row["handover_id"] as String?).map(HandoverID.init(rawValue:)),
      assignedBy: staff("assigned_by"),
      assignedAt: (row["assigned_at"] as String?).flatMap(Timestamp.parse))
  }

  /// Records that the unit took the notice up; false when it was no longer open.
  public func acceptNotice(_ id: NoticeID, by actor: StaffID) throws -> Bool {
    try db.execute(
      literal: """
        UPDATE notices SET status = 'accepted', accepted_by = \(actor.rawValue),
          accepted_at = \(nowText) WHERE id = \(id.rawValue) AND status = 'open'
        """)
    return db.changesCount == 1
  }

  /// Records the coordinator the unit appointed (and the handover that moves responsibility
  /// to them, if one was needed); an open notice counts as taken up by the same step. False
  /// when the notice had a coordinator already.
  public func assignNotice(
    _ id: NoticeID, coordinator: StaffID, handover: HandoverID?, by actor: StaffID
  ) throws -> Bool {
    let now = nowText
    try db.execute(
      literal: """
        UPDATE notices SET status = 'assigned', coordinator = \(coordinator.rawValue),
          handover_id = \(handover?.rawValue), assigned_by = \(actor.rawValue), assigned_at = \(now),
          accepted_by = COALESCE(accepted_by, \(actor.rawValue)),
          accepted_at = COALESCE(accepted_at, \(now))
        WHERE id = \(id.rawValue) AND status != 'assigned'
        """)
    return db.changesCount == 1
  }

  /// Notices (only open ones with `openOnly`) whose recipients `visible` admits for their
  /// `plan` records, in the order they came, after `position`, at most `limit`: the unit's
  /// intake list. The gate still decides on each one.
  public func noticeCandidates(
    openOnly: Bool, visible: RecipientNarrowing, after position: Int64?, limit: Int
  ) throws -> [(id: NoticeID, recipient: RecipientID, position: Int64)] {
    try rows(
      """
      SELECT n.id, n.recipient_id, n.rowid AS position FROM notices n
      WHERE n.rowid > \(position ?? 0) AND (\(!openOnly) OR n.status = 'open')
        AND \(visible.sql(recipient: "n.recipient_id", category: .plan))
      ORDER BY n.rowid LIMIT \(limit)
      """
    ).map {
      (NoticeID(rawValue: $0["id"]), RecipientID(rawValue: $0["recipient_id"]), $0["position"])
    }
  }
}
