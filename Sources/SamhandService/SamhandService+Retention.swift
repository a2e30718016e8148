import Foundation
import SamhandCore
import SamhandStore

/// Retention: legal holds, and the recipients whose retention period has run out.
extension SamhandService {
  /// Sets (`held`) or clears a legal hold: while one is set, the recipient may not be erased
  /// on any ground.
  public func setLegalHold(
    _ held: Bool, on recipient: RecipientID, as actor: Actor, options: RequestOptions
  ) throws {
    try gate.write(
      request(actor, .legalHold, held ? "legal-hold.set" : "legal-hold.clear", options),
      notFound: Self.noRecipient(recipient), resolve: { _ in .record(recipient, .identity) },
      perform: { transaction, _ in
        let changed =
          held
          ? try transaction.setLegalHold(on: recipient, by: actor.staffID)
          : try transaction.clearLegalHold(on: recipient, by: actor.staffID)
        guard changed else {
          throw ServiceError.conflict(
            held
              ? "a legal hold is already set on \(recipient)"
              : "no legal hold is set on \(recipient)")
        }
      })
  }

  /// Recipients whose retention has run out (ids and dates only): not erased, no legal hold,
  /// nothing open, and `retention_years_after_close` past the latest of their registration
  /// and the closing of their last plan, group or handover. Decided per recipient and audited
  /// for exactly what it returns (`Gate.list`).
  public func retentionDue(
    as actor: Actor, page: ListPageRequest = .whole, options: RequestOptions
  ) throws -> ListPage<RetentionDue> {
    _ = try Self.position(page.after)
    let years = settings.retentionYearsAfterClose
    // Retention that started on or before this day has run out today.
    let cutoff = CalendarDate.today(clock).adding(years: -years).adding(days: 1).start
    let query = ListQuery<(id: RecipientID, retentionStart: Date, position: Int64)>(
      name: "retention-due", categories: [.identity],
      fetch: { transaction, _, visible, cursor, limit in
        try transaction.retentionDueCandidates(
          before: cutoff, visible: visible, after: try Self.position(cursor), limit: limit)
      },
      target: { .record($0.id, .identity) }, key: { String($0.position) })
    return try gate.list(
      request(actor, .reviewErasure, "retention.due", options), query, page: page,
      read: { _, candidate in
        let start = CalendarDate(candidate.retentionStart)
        return RetentionDue(
          recipientID: candidate.id, retentionStart: start,
          mayBeErasedOn: start.adding(years: years))
      })
  }
}

/// A recipient whose retention has run out: who, when it started, since when they may be
/// erased. Ids and dates only.
public struct RetentionDue: Sendable, Equatable, Encodable {
  public let recipientID: RecipientID
  public let retentionStart: CalendarDate
  public let mayBeErasedOn: CalendarDate
}
