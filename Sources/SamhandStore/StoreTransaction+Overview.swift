import Foundation
import SamhandCore

/// The coordinating unit's overview of plans (DOMAIN L8): plaintext columns only (ids,
/// statuses, dates, service codes, staff ids), so nothing sealed is opened.
extension StoreTransaction {
  /// What the overview is narrowed to besides the policies: a plan status, the service that
  /// holds responsibility.
  public struct PlanOverviewFilter: Sendable, Equatable {
    public let status: Plan.Status?
    public let service: ServiceCode?

    public init(status: Plan.Status? = nil, service: ServiceCode? = nil) {
      self.status = status
      self.service = service
    }
  }

  /// Plans whose recipients `visible` admits for their `plan` records and that pass
  /// `filter`, in the order they were created, after `position`, at most `limit`, each with
  /// its position. Overdue revisions are judged on `today`. The gate still decides on each.
  public func planOverviewCandidates(
    _ filter: PlanOverviewFilter, on today: CalendarDate, visible: RecipientNarrowing,
    after position: Int64?, limit: Int
  ) throws -> [(entry: PlanOverviewEntry, position: Int64)] {
    let byStatus: StoreSQL =
      filter.status.map { status -> StoreSQL in
        "AND p.status = \(status.rawValue)"
      } ?? ""
    let byService: StoreSQL =
      filter.service.map { service -> StoreSQL in
        "AND holder.service = \(service.rawValue)"
      } ?? ""
    return try connection.fetchAll(
      """
      SELECT p.id, p.recipient_id, p.status, p.rowid AS position, v.next_revision,
        r.registered_by_service, holder.service, c.staff_id AS coordinator,
        g.id AS group_id, g.status AS group_status
      FROM plans p
      JOIN plan_versions v ON v.plan_id = p.id AND v.version = p.version
      JOIN recipients r ON r.id = p.recipient_id
      JOIN responsibilities holder
        ON holder.recipient_id = p.recipient_id AND holder.ended_at IS NULL
      JOIN plan_coordinators c ON c.plan_id = p.id AND c.ended_at IS NULL
      LEFT JOIN groups g ON g.id = (
        SELECT x.id FROM groups x WHERE x.plan_id = p.id
        ORDER BY x.status = 'active' DESC, x.rowid DESC LIMIT 1)
      WHERE p.rowid > \(position ?? 0)
        \(byStatus) \(byService)
        AND \(visible.sql(recipient: "p.recipient_id", category: .plan))
      ORDER BY p.rowid LIMIT \(limit)
      """
    ).map { row in
      let id = PlanID(rawValue: try row["id"])
      let status = try Self.planStatus(row["status"], id: id)
      let next = try Self.date(row["next_revision"], id: id)
      guard let service = try? ServiceCode(try row["service"] as String),
        let registeredBy = try? ServiceCode(try row["registered_by_service"] as String)
      else {
        throw StoreError.corruptRow(table: "plans", id: id.rawValue, reason: "bad service")
      }
      var group: PlanOverviewEntry.GroupSummary?
      if let groupID = try row["group_id"] as String? {
        guard let groupStatus = Group.Status(rawValue: try row["group_status"]) else {
          throw StoreError.corruptRow(table: "groups", id: groupID, reason: "unknown status")
        }
        group = .init(id: GroupID(rawValue: groupID), status: groupStatus)
      }
      let entry = PlanOverviewEntry(
        planID: id, recipientID: RecipientID(rawValue: try row["recipient_id"]), status: status,
        service: service, registeredBy: registeredBy,
        coordinator: StaffID(rawValue: try row["coordinator"]), nextRevision: next,
        revisionOverdue: status == .active && next.map { $0 < today } ?? false, group: group)
      let position: Int64 = try row["position"]
      return (entry, position)
    }
  }
}
