import Foundation
import SamhandCore
import SamhandStore

/// Recording, withdrawing and listing a recipient's consents. Consents are part of the
/// recipient's identity record: whoever may see that the recipient exists may see them.
extension SamhandService {
  public struct ConsentScope: Sendable {
    public let services: [ServiceCode]
    public let staff: [StaffID]
    public let categories: [InformationCategory]

    public init(services: [ServiceCode], staff: [StaffID] = [], categories: [InformationCategory]) {
      self.services = services
      self.staff = staff
      self.categories = categories
    }
  }

  public func addConsent(
    recipient: RecipientID, scope: ConsentScope, purpose: String,
    givenBy: Consent.GivenBy = .recipient, form: Consent.Form = .written,
    documentReference: String? = nil, validFrom: CalendarDate? = nil,
    validUntil: CalendarDate? = nil, as actor: Actor, options: RequestOptions
  ) throws -> ConsentID {
    let today = CalendarDate.today(clock)
    let add = request(actor, .create, "consent.add", options)
    let new = try gate.validated(add) {
      try NewConsent(
        recipientID: recipient, givenBy: givenBy, form: form, purpose: purpose,
        documentReference: documentReference, services: scope.services, staff: scope.staff,
        categories: scope.categories, validFrom: validFrom ?? today, validUntil: validUntil,
        today: today)
    }
    return try gate.write(
      add, notFound: Self.noRecipient(recipient),
      resolve: { _ in .record(recipient, .identity) },
      perform: { transaction, _ in
        for service in new.services where !(try transaction.serviceExists(service)) {
          throw ServiceError.invalid("unknown service '\(service)'")
        }
        for staff in new.staff where try transaction.staff(staff) == nil {
          throw ServiceError.invalid("unknown staff member '\(staff)'")
        }
        return try transaction.insertConsent(new, recordedBy: actor.staffID)
      })
  }

  /// Withdraws a consent; it stops counting from the very next request.
  public func withdrawConsent(
    _ id: ConsentID, as actor: Actor, options: RequestOptions
  ) throws {
    let notFound = ServiceError.notFound(kind: "consent", id: id.rawValue)
    try gate.write(
      request(actor, .update, "consent.withdraw", options), notFound: notFound,
      resolve: { transaction in
        try transaction.recipientID(ofConsent: id).map { .record($0, .identity) }
      },
      perform: { transaction, _ in
        guard try transaction.withdrawConsent(id, by: actor.staffID) else {
          throw ServiceError.conflict("consent \(id) is already withdrawn")
        }
      })
  }

  public func consents(
    of recipient: RecipientID, as actor: Actor, options: RequestOptions
  ) throws -> [Consent] {
    try gate.read(
      request(actor, .view, "consent.list", options), notFound: Self.noRecipient(recipient),
      resolve: { _ in .record(recipient, .identity) },
      read: { transaction, _ in try transaction.consents(of: recipient) })
  }

  /// Live consents ending within `days` among the recipients the actor may see.
  public func expiringConsents(
    within days: Int = 30, as actor: Actor, options: RequestOptions
  ) throws -> [Consent] {
    let today = CalendarDate.today(clock)
    let query = ListQuery<(ConsentID, RecipientID, CalendarDate)>(
      name: "consents-expiring", categories: [.identity],
      fetch: { transaction, _, visible, _, _ in
        try transaction.consentsEnding(
          between: today, and: today.adding(days: days), visible: visible)
      },
      target: { .record($0.1, .identity) })
    return try gate.list(
      request(actor, .view, "consents-expiring.show", options), query, page: .whole,
      read: { transaction, candidate in
        try transaction.consents(of: candidate.1).first {
          $0.id == candidate.0 && $0.isExpiring(within: days, of: today)
        }
      }
    ).items
  }
}
