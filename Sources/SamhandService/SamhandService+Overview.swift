import Foundation
import SamhandCore
import SamhandStore

/// The coordinating unit's overview (DOMAIN L8): every plan with its status, the service
/// responsible, coordinator, next revision and group, and the notices sent to the unit. Both
/// are lists of the gate (`Gate.list`) under the policy action `overview`: narrowed to the
/// recipients the policies could allow, decided per recipient on their `plan` record, audited
/// for exactly what is returned. They are reserved lists: an actor the policies could allow
/// no row at all (anyone outside the unit, by the default policies) is refused with a 403,
/// since the overview's existence is no secret.
extension SamhandService {
  static let overviewForbidden = ServiceError.forbidden("the coordinating unit's overview")

  /// One page of the plan overview, optionally only plans in `status` (draft, active, closed)
  /// or whose recipient's responsibility lies with `service`. Ids, statuses, dates, service
  /// codes and staff ids only: nothing sealed is opened.
  public func planOverview(
    status: String? = nil, service: String? = nil, page: ListPageRequest = .whole,
    as actor: Actor, options: RequestOptions
  ) throws -> ListPage<PlanOverviewEntry> {
    let overview = request(actor, .overview, "overview.plans", options)
    let filter = try gate.validated(overview) {
      try Self.checkPosition(page.after, of: "the overview")
      let parsed = try status.map { text in
        guard let status = Plan.Status(rawValue: text) else {
          let known = Plan.Status.allCases.map(\.rawValue).joined(separator: ", ")
          throw ServiceError.invalid("unknown plan status '\(text)' (known: \(known))")
        }
        return status
      }
      let code = try service.map { code in
        try HandoverProposal.domain { () throws(DomainError) in try ServiceCode(code) }
      }
      return StoreTransaction.PlanOverviewFilter(status: parsed, service: code)
    }
    let today = CalendarDate.today(clock)
    let query = ListQuery<(entry: PlanOverviewEntry, position: Int64)>(
      name: "overview-plans", categories: [.plan],
      fetch: { transaction, _, visible, cursor, limit in
        try transaction.planOverviewCandidates(
          filter, on: today, visible: visible, after: cursor.flatMap { Int64($0) }, limit: limit)
      },
      target: { .record($0.entry.recipientID, .plan) }, key: { String($0.position) },
      reserved: Self.overviewForbidden)
    return try gate.list(overview, query, page: page, read: { _, candidate in candidate.entry })
  }

  /// One page of the notices sent to the coordinating unit, oldest first; only the open ones
  /// with `openOnly`. Each notice's note is opened: the sender wrote it for the unit.
  public func notices(
    openOnly: Bool = false, page: ListPageRequest = .whole, as actor: Actor,
    options: RequestOptions
  ) throws -> ListPage<Notice> {
    let intake = request(actor, .overview, "overview.notices", options)
    try gate.validated(intake) { try Self.checkPosition(page.after, of: "the notices") }
    let query = ListQuery<(id: NoticeID, recipient: RecipientID, position: Int64)>(
      name: "overview-notices", categories: [.plan],
      fetch: { transaction, _, visible, cursor, limit in
        try transaction.noticeCandidates(
          openOnly: openOnly, visible: visible, after: cursor.flatMap { Int64($0) },
          limit: limit)
      },
      target: { .record($0.recipient, .plan) }, key: { String($0.position) },
      reserved: Self.overviewForbidden)
    return try gate.list(
      intake, query, page: page,
      read: { transaction, candidate in
        try transaction.notice(candidate.id)
      })
  }

  /// Refuses a cursor that is not a position a list page gave.
  static func checkPosition(_ cursor: String?, of list: String) throws {
    if let cursor, (Int64(cursor) ?? -1) < 0 {
      throw ServiceError.invalid("'\(cursor)' is not a position in \(list)")
    }
  }
}
