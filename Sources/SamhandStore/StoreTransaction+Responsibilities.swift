import Foundation
import SamhandCore

/// Who holds responsibility for each recipient (invariant 6). The one source of truth: the
/// current row of `responsibilities` (one per recipient, by a unique index). Every plan that
/// is not closed has this holder as its coordinator; only an accepted transfer moves both,
/// in the transaction that accepts it.
extension StoreTransaction {
  /// Records the first holder, with the registration.
  public func startResponsibility(
    of recipient: RecipientID, staff: StaffID, service: ServiceCode
  ) throws {
    try connection.execute(
      """
      INSERT INTO responsibilities (recipient_id, staff_id, service, since, via)
      VALUES (\(recipient.rawValue), \(staff.rawValue), \(service.rawValue), \(nowText),
        'registration')
      """)
  }

  /// The current holder, or nil when there is no such recipient.
  public func responsibility(of recipient: RecipientID) throws -> Responsibility? {
    try connection.fetchOne(
      """
      SELECT staff_id, service, since, via_handover_id FROM responsibilities
      WHERE recipient_id = \(recipient.rawValue) AND ended_at IS NULL
      """
    ).map { row in
      guard let service = try? ServiceCode(try row["service"] as String) else {
        throw StoreError.corruptRow(
          table: "responsibilities", id: recipient.rawValue, reason: "bad service")
      }
      return Responsibility(
        recipientID: recipient,
        staff: (try row["staff_id"] as String?).map(StaffID.init(rawValue:)), service: service,
        since: try row.timestamp("since", table: "responsibilities", id: recipient.rawValue),
        viaHandover: (try row["via_handover_id"] as String?).map(HandoverID.init(rawValue:)))
    }
  }

  /// Moves responsibility to `staff` of `service` by an accepted transfer: the holder's row
  /// ends and the new one starts, and every plan of the recipient that is not closed gets the
  /// new coordinator as a new plan version with an entry in its coordinator history.
  public func moveResponsibility(
    of recipient: RecipientID, to staff: StaffID, service: ServiceCode, handover: HandoverID,
    by actor: StaffID
  ) throws {
    let now = nowText
    try connection.execute(
      """
      UPDATE responsibilities SET ended_at = \(now)
      WHERE recipient_id = \(recipient.rawValue) AND ended_at IS NULL
      """)
    try connection.execute(
      """
      INSERT INTO responsibilities (recipient_id, staff_id, service, since, via, via_handover_id)
      VALUES (\(recipient.rawValue), \(staff.rawValue), \(service.rawValue), \(now), 'handover',
        \(handover.rawValue))
      """)
    let plans = try connection.fetchValues(
      """
      SELECT id FROM plans WHERE recipient_id = \(recipient.rawValue) AND status != 'closed'
      ORDER BY rowid
      """, as: String.self
    ).map(PlanID.init(rawValue:))
    for plan in plans {
      let version = try recordPlanChange(
        plan, change: "coordinator changed to \(staff) by handover \(handover)", by: actor)
      try connection.execute(
        """
        UPDATE plan_coordinators SET ended_at = \(now)
        WHERE plan_id = \(plan.rawValue) AND ended_at IS NULL
        """)
      try connection.execute(
        """
        INSERT INTO plan_coordinators (plan_id, staff_id, from_version, started_at)
        VALUES (\(plan.rawValue), \(staff.rawValue), \(version), \(now))
        """)
    }
  }

  /// Recipients the staff member holds responsibility for, for the deactivation warning.
  public func recipientsHeld(by staff: StaffID) throws -> [RecipientID] {
    try connection.fetchValues(
      """
      SELECT recipient_id FROM responsibilities
      WHERE staff_id = \(staff.rawValue) AND ended_at IS NULL ORDER BY rowid
      """, as: String.self
    ).map(RecipientID.init(rawValue:))
  }
}
