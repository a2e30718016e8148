import Foundation
import GRDB
import SamhandCore

/// Care relationships other than the registering service: assignments, the coordinator of the
/// recipient's plan (draft or active), the staff members of the active responsibility group,
/// the holder of responsibility and the named receiver of a proposed or accepted handover.
/// (A handover to a service without a named receiver reaches that service's care staff
/// through the recipient's `receivingServices`, which the policies read.)
extension StoreTransaction {
  /// Assigns a staff member; false when they are assigned already.
  public func assign(_ staff: StaffID, to recipient: RecipientID, by actor: StaffID) throws -> Bool
  {
    try db.cachedStatement(
      sql: """
        INSERT INTO assignments (recipient_id, staff_id, assigned_by, assigned_at)
        VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING
        """
    ).execute(arguments: [recipient.rawValue, staff.rawValue, actor.rawValue, nowText])
    return db.changesCount == 1
  }

  /// Ends an assignment; false when there was none.
  public func unassign(_ staff: StaffID, from recipient: RecipientID, by actor: StaffID) throws
    -> Bool
  {
    try db.cachedStatement(
      sql: """
        UPDATE assignments SET ended_at = ?, ended_by = ?
        WHERE recipient_id = ? AND staff_id = ? AND ended_at IS NULL
        """
    ).execute(arguments: [nowText, actor.rawValue, recipient.rawValue, staff.rawValue])
    return db.changesCount == 1
  }

  /// Staff with a care relationship to the recipient beyond the registering service.
  public func careTeam(of recipient: RecipientID) throws -> Set<StaffID> {
    Set(
      try String.fetchAll(
        db.cachedStatement(sql: Self.careTeamSQL),
        arguments: StatementArguments(Array(repeating: recipient.rawValue, count: 5))
      ).map(StaffID.init(rawValue:)))
  }

  /// `(recipient_id, staff_id)` of every live care relationship of one recipient or one staff
  /// member: assignments, the current coordinator of a plan that is not closed, staff members
  /// of an active group, the holder of responsibility, named receivers of proposed or accepted
  /// handovers. The key is bound once per arm (five arguments) so that every arm searches an
  /// index; a filter outside the union would build it for every recipient first.
  static func careRelationshipsSQL(of key: CareRelationshipKey) -> String {
    let (assignment, plan, group, holder, receiver) =
      key == .recipient
      ? ("recipient_id", "p.recipient_id", "g.recipient_id", "recipient_id", "recipient_id")
      : ("staff_id", "c.staff_id", "m.staff_id", "staff_id", "to_staff")
    return """
      SELECT recipient_id, staff_id FROM assignments WHERE ended_at IS NULL AND \(assignment) = ?
      UNION SELECT p.recipient_id, c.staff_id FROM plans p
        JOIN plan_coordinators c ON c.plan_id = p.id AND c.ended_at IS NULL
        WHERE p.status != 'closed' AND \(plan) = ?
      UNION SELECT g.recipient_id, m.staff_id FROM groups g
        JOIN group_members m ON m.group_id = g.id AND m.ended_at IS NULL AND m.staff_id IS NOT NULL
        WHERE g.status = 'active' AND \(group) = ?
      UNION SELECT recipient_id, staff_id FROM responsibilities
        WHERE ended_at IS NULL AND staff_id IS NOT NULL AND \(holder) = ?
      UNION SELECT recipient_id, to_staff FROM handovers
        WHERE state IN ('proposed', 'accepted') AND to_staff IS NOT NULL AND \(receiver) = ?
      """
  }

  /// What a care-relationship query is keyed by.
  enum CareRelationshipKey { case recipient, staff }

  static let careTeamSQL = "SELECT staff_id FROM (\(careRelationshipsSQL(of: .recipient)))"

  /// Services named, without a named receiver, on the recipient's proposed or accepted
  /// handovers: their care staff have a care relationship while the handover is open.
  public func receivingServices(of recipient: RecipientID) throws -> Set<ServiceCode> {
    Set(
      try String.fetchAll(
        db.cachedStatement(
          sql: """
            SELECT DISTINCT to_service FROM handovers WHERE recipient_id = ? AND to_staff IS NULL
              AND state IN ('proposed', 'accepted')
            """), arguments: [recipient.rawValue]
      ).compactMap { try? ServiceCode($0) })
  }

  /// The service that registered the recipient, or nil when there is no such recipient.
  public func registeringService(of recipient: RecipientID) throws -> ServiceCode? {
    try String.fetchOne(
      db.cachedStatement(sql: "SELECT registered_by_service FROM recipients WHERE id = ?"),
      arguments: [recipient.rawValue]
    ).flatMap { try? ServiceCode($0) }
  }

  /// Recipients `visible` admits for their identity record, in registration order, after the
  /// one at `position` (from the start when nil), at most `limit`: the caseload's candidates,
  /// each with its position. The gate still decides on each one.
  public func caseloadCandidates(
    visible: RecipientNarrowing, after position: Int64?, limit: Int
  ) throws -> [(id: RecipientID, position: Int64)] {
    try rows(
      """
      SELECT r.id, r.rowid AS position FROM recipients r
      WHERE r.rowid > \(position ?? 0)
        AND \(visible.sql(recipient: "r.id", category: .identity))
      ORDER BY r.rowid LIMIT \(limit)
      """
    ).map { (RecipientID(rawValue: $0["id"]), $0["position"]) }
  }
}
