import Foundation
import SamhandCore

/// Reads over all of one recipient's records, ended and closed ones included, for the copy of
/// everything held (GDPR art. 15 and 20).
extension StoreTransaction {
  /// Every responsibility group of the recipient, oldest first.
  public func groupIDs(of recipient: RecipientID) throws -> [GroupID] {
    try connection.fetchValues(
      "SELECT id FROM groups WHERE recipient_id = \(recipient.rawValue) ORDER BY rowid",
      as: String.self
    ).map(GroupID.init(rawValue:))
  }

  /// Everyone who has held responsibility for the recipient, oldest first.
  public func responsibilityHistory(of recipient: RecipientID) throws -> [ResponsibilityPeriod] {
    try connection.fetchAll(
      """
      SELECT staff_id, service, since, via, via_handover_id, ended_at FROM responsibilities
      WHERE recipient_id = \(recipient.rawValue) ORDER BY rowid
      """
    ).map { row in
      guard let service = try? ServiceCode(try row["service"] as String),
        let since = Timestamp.parse(try row["since"] as String)
      else {
        throw StoreError.corruptRow(
          table: "responsibilities", id: recipient.rawValue, reason: "bad service or time")
      }
      return ResponsibilityPeriod(
        staff: (try row["staff_id"] as String?).map(StaffID.init(rawValue:)), service: service,
        since: since, until: (try row["ended_at"] as String?).flatMap(Timestamp.parse),
        via: try row["via"], viaHandover: try row["via_handover_id"])
    }
  }

  /// Every staff assignment to the recipient, ended ones included, oldest first.
  public func assignments(of recipient: RecipientID) throws -> [Assignment] {
    try connection.fetchAll(
      """
      SELECT staff_id, assigned_by, assigned_at, ended_at, ended_by FROM assignments
      WHERE recipient_id = \(recipient.rawValue) ORDER BY rowid
      """
    ).map { row in
      Assignment(
        staffID: StaffID(rawValue: try row["staff_id"]),
        assignedBy: StaffID(rawValue: try row["assigned_by"]),
        assignedAt: try row.timestamp("assigned_at", table: "assignments", id: recipient.rawValue),
        endedAt: try row.optionalTimestamp(
          "ended_at", table: "assignments", id: recipient.rawValue),
        endedBy: (try row["ended_by"] as String?).map(StaffID.init(rawValue:)))
    }
  }

  /// Every emergency access grant on the recipient, oldest first.
  public func breakGlassGrants(of recipient: RecipientID) throws -> [BreakGlassGrant] {
    try connection.fetchAll(
      """
      SELECT id, recipient_id, staff_id, reason_sealed, granted_at, expires_at, reviewed_at,
        reviewed_by, review_outcome, review_comment_sealed FROM break_glass_grants
      WHERE recipient_id = \(recipient.rawValue) ORDER BY granted_at, id
      """
    ).map(breakGlassGrant(from:))
  }

  /// Every erasure request about the recipient, decided ones included, oldest first.
  public func erasureRequests(of recipient: RecipientID) throws -> [ErasureRequest] {
    try connection.fetchAll(
      "SELECT * FROM erasure_requests WHERE recipient_id = \(recipient.rawValue) ORDER BY rowid"
    ).map(erasureRequest(from:))
  }

  /// Every legal hold on the recipient, cleared ones included, oldest first.
  public func legalHolds(of recipient: RecipientID) throws -> [LegalHold] {
    try connection.fetchAll(
      """
      SELECT id, set_by, set_at, cleared_by, cleared_at FROM legal_holds
      WHERE recipient_id = \(recipient.rawValue) ORDER BY id
      """
    ).map { row in
      let id = String(try row["id"] as Int64)
      return LegalHold(
        setBy: StaffID(rawValue: try row["set_by"]),
        setAt: try row.timestamp("set_at", table: "legal_holds", id: id),
        clearedBy: (try row["cleared_by"] as String?).map(StaffID.init(rawValue:)),
        clearedAt: try row.optionalTimestamp("cleared_at", table: "legal_holds", id: id))
    }
  }

  /// Every notice about the recipient, oldest first.
  public func noticeIDs(of recipient: RecipientID) throws -> [NoticeID] {
    try connection.fetchValues(
      "SELECT id FROM notices WHERE recipient_id = \(recipient.rawValue) ORDER BY rowid",
      as: String.self
    ).map(NoticeID.init(rawValue:))
  }
}
