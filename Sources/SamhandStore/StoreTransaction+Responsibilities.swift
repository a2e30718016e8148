import Foundation
import GRDB
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
    try db.cachedStatement(
      sql: """
        INSERT INTO responsibilities (recipient_id, staff_id, service, since, via)
        VALUES (?, ?, ?, ?, 'registration')
        """
    ).execute(arguments: [recipient.rawValue, staff.rawValue, service.rawValue, nowText])
  }

  /// The current holder, or nil when there is no such recipient.
  public func responsibility(of recipient: RecipientID) throws -> Responsibility? {
    try Row.fetchOne(
      db.cachedStatement(
        sql: """
          SELECT staff_id, service, since, via_handover_id FROM responsibilities
          WHERE recipient_id = ? AND ended_at IS NULL
          """), arguments: [recipient.rawValue]
    ).map { row in
      guard let service = try? ServiceCode(row["service"] as String) else {
        throw StoreError.corruptRow(
          table: "responsibilities", id: recipient.rawValue, reason: "bad service")
      }
      return Responsibility(
        recipientID: recipient, staff: (row["staff_id"] as String?).map(StaffID.init(rawValue:)),
        service: service,
        since: try row.timestamp("since", table: "responsibilities", id: recipient.rawValue),
        viaHandover: (row["via_handover_id"] as String?).map(HandoverID.init(rawValue:)))
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
    try db.cachedStatement(
      sql: "UPDATE responsibilities SET ended_at = ? WHERE recipient_id = ? AND ended_at IS NULL"
    ).execute(
      arguments: [now, recipient.rawValue])
    try db.cachedStatement(
      sql: """
        INSERT INTO responsibilities (recipient_id, staff_id, service, since, via,
          via_handover_id) VALUES (?, ?, ?, ?, 'handover', ?)
        """
    ).execute(arguments: [
      recipient.rawValue, staff.rawValue, service.rawValue, now, handover.rawValue,
    ])
    let plans = try String.fetchAll(
      db.cachedStatement(
        sql: "SELECT id FROM plans WHERE recipient_id = ? AND status != 'closed' ORDER BY rowid"),
      arguments: [recipient.rawValue]
    ).map(PlanID.init(rawValue:))
    for plan in plans {
      let version = try recordPlanChange(
        plan, change: "coordinator changed to \(staff) by handover \(handover)", by: actor)
      try db.cachedStatement(
        sql: "UPDATE plan_coordinators SET ended_at = ? WHERE plan_id = ? AND ended_at IS NULL"
      ).execute(
        arguments: [now, plan.rawValue])
      try db.cachedStatement(
        sql: """
          INSERT INTO plan_coordinators (plan_id, staff_id, from_version, started_at)
          VALUES (?, ?, ?, ?)
          """
      ).execute(arguments: [plan.rawValue, staff.rawValue, version, now])
    }
  }

  /// Recipients the staff member holds responsibility for, for the deactivation warning.
  public func recipientsHeld(by staff: StaffID) throws -> [RecipientID] {
    try String.fetchAll(
      db.cachedStatement(
        sql: """
          SELECT recipient_id FROM responsibilities WHERE staff_id = ? AND ended_at IS NULL
          ORDER BY rowid
          """), arguments: [staff.rawValue]
    ).map(RecipientID.init(rawValue:))
  }
}
