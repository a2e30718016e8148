import Foundation
import SamhandCore

/// What keeps a recipient's record: open plans, groups and handovers, the last closing, legal
/// holds; and the recipients whose retention has run out.
extension StoreTransaction {
  /// The facts `RetentionFacts.check` decides on, or nil when there is no such recipient.
  public func retentionFacts(of recipient: RecipientID) throws -> RetentionFacts? {
    let id = recipient.rawValue
    guard
      let row = try connection.fetchOne(
        """
        SELECT r.created_at, \(Self.lastClosedAt("r.id")) AS last_closed_at,
          EXISTS (SELECT 1 FROM legal_holds h
                  WHERE h.recipient_id = r.id AND h.cleared_at IS NULL) AS held
        FROM recipients r WHERE r.id = \(id)
        """)
    else { return nil }
    let corrupt = StoreError.corruptRow(
      table: Self.recipientsTable, id: id, reason: "unreadable time")
    guard let registered = Timestamp.parse(try row["created_at"]) else { throw corrupt }
    let closedText: String? = try row["last_closed_at"]
    let closed = try closedText.map { text in
      guard let date = Timestamp.parse(text) else { throw corrupt }
      return date
    }
    let open = try connection.fetchValues(
      """
      SELECT 'plan ' || id AS record FROM plans WHERE recipient_id = \(id) AND status != 'closed'
      UNION ALL
      SELECT 'group ' || id FROM groups WHERE recipient_id = \(id) AND status = 'active'
      UNION ALL
      SELECT 'handover ' || id FROM handovers
      WHERE recipient_id = \(id) AND state IN ('draft', 'proposed', 'accepted')
      """, as: String.self)
    return RetentionFacts(
      registeredAt: registered, lastClosedAt: closed, openRecords: open.sorted(),
      legalHold: try row["held"])
  }

  /// Recipients not erased, without a live legal hold or open records, whose retention started
  /// before `cutoff` (the start of the day after the last day that has run out), in
  /// registration order after `position`, among those `visible` admits.
  /// The later of a candidate's creation and its last closing (the text of both sorts as
  /// their time does).
  private static let retentionStart: StoreSQL = """
    CASE WHEN created_at > COALESCE(last_closed_at, '') THEN created_at
      ELSE COALESCE(last_closed_at, '') END
    """

  public func retentionDueCandidates(
    before cutoff: Date, visible: RecipientNarrowing, after position: Int64?, limit: Int
  ) throws -> [(id: RecipientID, retentionStart: Date, position: Int64)] {
    try connection.fetchAll(
      """
      SELECT id, position, \(Self.retentionStart) AS retention_start
      FROM (SELECT r.id, r.rowid AS position, r.created_at,
              \(Self.lastClosedAt("r.id")) AS last_closed_at
            FROM recipients r JOIN recipient_keys k ON k.recipient_id = r.id
            WHERE r.rowid > \(position ?? 0) AND k.wrapped_key IS NOT NULL
              AND \(visible.sql(recipient: "r.id", category: .identity))
              AND NOT EXISTS (SELECT 1 FROM legal_holds h
                              WHERE h.recipient_id = r.id AND h.cleared_at IS NULL)
              AND NOT EXISTS (SELECT 1 FROM plans p
                              WHERE p.recipient_id = r.id AND p.status != 'closed')
              AND NOT EXISTS (SELECT 1 FROM groups g
                              WHERE g.recipient_id = r.id AND g.status = 'active')
              AND NOT EXISTS (SELECT 1 FROM handovers o WHERE o.recipient_id = r.id
                              AND o.state IN ('draft', 'proposed', 'accepted'))) AS due
      WHERE \(Self.retentionStart) < \(Timestamp.format(cutoff))
      ORDER BY position LIMIT \(limit)
      """
    ).map { row in
      let id: String = try row["id"]
      guard let start = Timestamp.parse(try row["retention_start"]) else {
        throw StoreError.corruptRow(table: Self.recipientsTable, id: id, reason: "unreadable time")
      }
      return (RecipientID(rawValue: id), start, try row["position"])
    }
  }

  /// Sets a legal hold; false when one is already set.
  public func setLegalHold(on recipient: RecipientID, by staff: StaffID) throws -> Bool {
    try connection.execute(
      """
      INSERT INTO legal_holds (recipient_id, set_by, set_at)
      SELECT \(recipient.rawValue), \(staff.rawValue), \(nowText)
      WHERE NOT EXISTS (SELECT 1 FROM legal_holds
                        WHERE recipient_id = \(recipient.rawValue) AND cleared_at IS NULL)
      """) == 1
  }

  /// Clears the live legal hold; false when none is set.
  public func clearLegalHold(on recipient: RecipientID, by staff: StaffID) throws -> Bool {
    try connection.execute(
      """
      UPDATE legal_holds SET cleared_by = \(staff.rawValue), cleared_at = \(nowText)
      WHERE recipient_id = \(recipient.rawValue) AND cleared_at IS NULL
      """) == 1
  }

  /// SQL for the time the recipient in `column`'s last plan, group or handover closed.
  private static func lastClosedAt(_ column: String) -> StoreSQL {
    """
    (SELECT MAX(closed) FROM (
       SELECT MAX(v.changed_at) AS closed FROM plans p JOIN plan_versions v ON v.plan_id = p.id
       WHERE p.recipient_id = \(sql: column) AND v.status = 'closed'
       UNION ALL
       SELECT MAX(g.closed_at) FROM groups g WHERE g.recipient_id = \(sql: column)
       UNION ALL
       SELECT MAX(o.updated_at) FROM handovers o WHERE o.recipient_id = \(sql: column)
         AND o.state IN ('rejected', 'withdrawn', 'completed')) AS closings)
    """
  }
}
