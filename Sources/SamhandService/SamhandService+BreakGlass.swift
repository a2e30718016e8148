import Foundation
import SamhandCore
import SamhandStore

/// Emergency access (nødtilgang) and its review by auditors.
extension SamhandService {
  /// Grants the actor read access to one recipient for `settings.breakGlassHours`, where a
  /// policy allows it for their role. Every read under it is flagged in the audit log.
  public func breakGlass(
    recipient: RecipientID, reason: String, as actor: Actor, options: RequestOptions
  ) throws -> BreakGlassGrant {
    let breakGlass = request(actor, .breakGlass, "break-glass.request", options)
    try gate.validated(breakGlass) {
      guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
        throw ServiceError.invalid("state the reason for emergency access")
      }
    }
    let expires = clock.now.addingTimeInterval(Double(settings.breakGlassHours) * 3600)
    return try gate.write(
      breakGlass,
      notFound: Self.noRecipient(recipient),
      resolve: { transaction in
        try transaction.registeringService(of: recipient).map { _ in .recipient(recipient) }
      },
      perform: { transaction, _ in
        let id = try transaction.insertBreakGlass(
          recipient: recipient, staff: actor.staffID, reason: reason, expiresAt: expires)
        guard let grant = try transaction.breakGlassGrant(id) else {
          throw ServiceError.notFound(kind: "break-glass grant", id: id.rawValue)
        }
        return grant
      })
  }

  /// The auditors' queue: grants not yet reviewed (or all, with `pendingOnly: false`).
  public func breakGlassGrants(
    pendingOnly: Bool = true, as actor: Actor, options: RequestOptions
  ) throws -> [BreakGlassGrant] {
    try gate.write(
      request(actor, .reviewBreakGlass, "break-glass.list", options),
      notFound: .forbidden("the audit log"), resolve: { _ in .auditLog },
      perform: { transaction, _ in try transaction.breakGlassGrants(unreviewedOnly: pendingOnly) })
  }

  public func reviewBreakGlass(
    _ id: BreakGlassID, outcome: BreakGlassGrant.ReviewOutcome, comment: String, as actor: Actor,
    options: RequestOptions
  ) throws {
    let review = request(actor, .reviewBreakGlass, "break-glass.review", options)
    try gate.validated(review) {
      guard !comment.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
        throw ServiceError.invalid("a review needs a comment")
      }
    }
    try gate.write(
      review,
      notFound: .forbidden("the audit log"), resolve: { _ in .auditLog },
      perform: { transaction, _ in
        guard try transaction.breakGlassGrant(id) != nil else {
          throw ServiceError.notFound(kind: "break-glass grant", id: id.rawValue)
        }
        guard
          try transaction.reviewBreakGlass(
            id, outcome: outcome, comment: comment, by: actor.staffID)
        else { throw ServiceError.conflict("grant \(id) has already been reviewed") }
      })
  }
}
