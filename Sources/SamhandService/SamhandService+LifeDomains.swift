import Foundation
import SamhandCore
import SamhandStore

/// Brukerplan-style life-domain mapping of one recipient (L31), under the `plan` category.
extension SamhandService {
  public func recordLifeDomainMapping(
    recipient: RecipientID, scores: [LifeDomain: LifeDomainScore.Score],
    mappedOn: CalendarDate? = nil, as actor: Actor, options: RequestOptions
  ) throws {
    let today = CalendarDate.today(clock)
    let record = request(actor, .create, "lifedomain.map", options)
    let mapping = try gate.validated(record) {
      try Self.rule { () throws(PlanError) in
        try NewLifeDomainMapping(
          recipientID: recipient, mappedOn: mappedOn ?? today, scores: scores, today: today)
      }
    }
    try gate.write(
      record, notFound: Self.noRecipient(recipient),
      resolve: { _ in .record(recipient, .plan) },
      perform: { transaction, _ in
        try transaction.insertLifeDomainMapping(mapping, by: actor.staffID)
      })
  }

  /// Every score of the recipient by mapping date: the change over time.
  public func lifeDomainScores(
    of recipient: RecipientID, as actor: Actor, options: RequestOptions
  ) throws -> [LifeDomainScore] {
    try gate.read(
      request(actor, .view, "lifedomain.list", options), notFound: Self.noRecipient(recipient),
      resolve: { _ in .record(recipient, .plan) },
      read: { transaction, _ in try transaction.lifeDomainScores(of: recipient) })
  }
}
