import Foundation
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
    try connection.execute(
      """
      INSERT INTO assignments (recipient_id, staff_id, assigned_by, assigned_at)
      VALUES (\(recipient.rawValue), \(staff.rawValue), \(actor.rawValue), \(nowText))
      ON CONFLICT DO NOTHING
      """) == 1
  }

  /// Ends an assignment; false when there was none.
  public func unassign(_ staff: StaffID, from recipient: RecipientID, by actor: StaffID) throws
    -> Bool
  {
    try connection.execute(
      """
      UPDATE assignments SET ended_at = \(nowText), ended_by = \(actor.rawValue)
      WHERE recipient_id = \(recipient.rawValue) AND staff_id = \(staff.rawValue)
        AND ended_at IS NULL
      """) == 1
  }

  /// Staff with a care relationship to the recipient beyond the registering service.
  public func careTeam(of recipient: RecipientID) throws -> Set<StaffID> {
    Set(
      try connection.fetchValues(
        StoreSQL(
          sql: Self.careTeamSQL,
          arguments: Array(
            repeating: recipient.rawValue.storeValue, count: Self.careRelationshipArms.count),
          isStatic: true),
        as: String.self
      ).map(StaffID.init(rawValue:)))
  }

  /// One kind of live care relationship: the tables it lives in, what makes it live, and its
  /// recipient and staff columns. The aliases are the arms' own, so that a condition built
  /// from them can sit inside any list's query (whose aliases are `r`, `p`, `g`, `c`, `h`,
  /// `candidate`) and refer to its recipient column.
  struct CareRelationshipArm {
    let tables: String
    let live: String
    let recipient: String
    let staff: String
  }

  /// Assignments, the current coordinator of a plan that is not closed, staff members of an
  /// active group, the holder of responsibility, named receivers of proposed or accepted
  /// handovers.
  static let careRelationshipArms = [
    CareRelationshipArm(
      tables: "assignments care_a", live: "care_a.ended_at IS NULL",
      recipient: "care_a.recipient_id", staff: "care_a.staff_id"),
    CareRelationshipArm(
      tables: """
        plans care_p JOIN plan_coordinators care_c
          ON care_c.plan_id = care_p.id AND care_c.ended_at IS NULL
        """,
      live: "care_p.status != 'closed'", recipient: "care_p.recipient_id",
      staff: "care_c.staff_id"),
    CareRelationshipArm(
      tables: """
        groups care_g JOIN group_members care_m ON care_m.group_id = care_g.id
          AND care_m.ended_at IS NULL AND care_m.staff_id IS NOT NULL
        """,
      live: "care_g.status = 'active'", recipient: "care_g.recipient_id",
      staff: "care_m.staff_id"),
    CareRelationshipArm(
      tables: "responsibilities care_r",
      live: "care_r.ended_at IS NULL AND care_r.staff_id IS NOT NULL",
      recipient: "care_r.recipient_id", staff: "care_r.staff_id"),
    CareRelationshipArm(
      tables: "handovers care_h",
      live: "care_h.state IN ('proposed', 'accepted') AND care_h.to_staff IS NOT NULL",
      recipient: "care_h.recipient_id", staff: "care_h.to_staff"),
  ]

  /// `(recipient_id, staff_id)` of every live care relationship of one recipient or one staff
  /// member (`careRelationshipArms`). The key is bound once per arm (one `?` each) so that
  /// every arm searches an index; a filter outside the union would build it for every
  /// recipient first.
  static func careRelationshipsSQL(of key: CareRelationshipKey) -> String {
    careRelationshipArms.map { arm in
      let column = key == .recipient ? arm.recipient : arm.staff
      return """
        SELECT \(arm.recipient) AS recipient_id, \(arm.staff) AS staff_id FROM \(arm.tables)
          WHERE \(arm.live) AND \(column) = ?
        """
    }.joined(separator: "\nUNION ")
  }

  /// Whether the recipient in `recipient` (a column of the enclosing query) has a live care
  /// relationship with one of `staff`: one correlated lookup per arm, by recipient, so that a
  /// list pays per candidate it considers, never for every recipient in the staff member's
  /// care (an `IN (careRelationshipsSQL(of: .staff))` would build that set, 100 000 rows for
  /// a coordinator holding them all, on every page). The unary `+` keeps SQLite off the
  /// staff indexes here: by staff, one lookup would walk every relationship of that staff
  /// member.
  static func careRelationshipExistsSQL(recipient: StoreSQL, staff: [String]) -> StoreSQL {
    careRelationshipArms.map { arm -> StoreSQL in
      """
      EXISTS (SELECT 1 FROM \(sql: arm.tables) WHERE \(sql: arm.live)
        AND \(sql: arm.recipient) = \(recipient) AND (\(sql: arm.staff) || '') IN \(staff))
      """
    }.joined(separator: " OR ")
  }

  /// What a care-relationship query is keyed by.
  enum CareRelationshipKey { case recipient, staff }

  static let careTeamSQL =
    "SELECT staff_id FROM (\(careRelationshipsSQL(of: .recipient))) AS care_team"

  /// Services named, without a named receiver, on the recipient's proposed or accepted
  /// handovers: their care staff have a care relationship while the handover is open.
  public func receivingServices(of recipient: RecipientID) throws -> Set<ServiceCode> {
    Set(
      try connection.fetchValues(
        """
        SELECT DISTINCT to_service FROM handovers
        WHERE recipient_id = \(recipient.rawValue) AND to_staff IS NULL
          AND state IN ('proposed', 'accepted')
        """, as: String.self
      ).map {
        try StoreError.parsed($0, "to_service", table: "handovers", id: recipient.rawValue) {
          try ServiceCode($0)
        }
      })
  }

  /// The service that registered the recipient, or nil when there is no such recipient.
  public func registeringService(of recipient: RecipientID) throws -> ServiceCode? {
    try connection.fetchValue(
      "SELECT registered_by_service FROM recipients WHERE id = \(recipient.rawValue)",
      as: String.self
    ).map {
      try StoreError.parsed(
        $0, "registered_by_service", table: "recipients", id: recipient.rawValue
      ) { try ServiceCode($0) }
    }
  }

  /// Recipients `visible` admits for their identity record, in registration order, after the
  /// one at `position` (from the start when nil), at most `limit`: the caseload's candidates,
  /// each with its position. The gate still decides on each one.
  public func caseloadCandidates(
    visible: RecipientNarrowing, after position: Int64?, limit: Int
  ) throws -> [(id: RecipientID, position: Int64)] {
    try connection.fetchAll(
      """
      SELECT r.id, r.rowid AS position FROM recipients r
      WHERE r.rowid > \(position ?? 0)
        AND \(visible.sql(recipient: "r.id", category: .identity))
      ORDER BY r.rowid LIMIT \(limit)
      """
    ).map { (RecipientID(rawValue: try $0["id"]), try $0["position"]) }
  }
}
