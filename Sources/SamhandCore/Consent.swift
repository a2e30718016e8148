import Foundation

/// A recipient's consent: which services (or named people) may receive which categories of
/// information, for what purpose, from when until when. Access across services rests on it,
/// so withdrawal and expiry count from the very next request.
///
/// ```swift
/// consent.isLive(on: .today(clock))
/// consent.covers(service: nav, category: .plan, on: today)
/// ```
public struct Consent: Sendable, Equatable, Encodable {
  public enum GivenBy: String, Sendable, Codable, CaseIterable { case recipient, guardian }
  public enum Form: String, Sendable, Codable, CaseIterable { case written, oral }

  public let id: ConsentID
  public let recipientID: RecipientID
  public let givenBy: GivenBy
  public let form: Form
  public let purpose: Protected<String>
  public let documentReference: Protected<String?>
  public let services: [ServiceCode]
  public let staff: [StaffID]
  public let categories: [InformationCategory]
  public let validFrom: CalendarDate
  public let validUntil: CalendarDate?
  public let recordedBy: StaffID
  public let recordedAt: Date
  public let withdrawnAt: Date?

  public init(
    id: ConsentID, recipientID: RecipientID, givenBy: GivenBy, form: Form,
    purpose: Protected<String>, documentReference: Protected<String?>, services: [ServiceCode],
    staff: [StaffID], categories: [InformationCategory], validFrom: CalendarDate,
    validUntil: CalendarDate?, recordedBy: StaffID, recordedAt: Date, withdrawnAt: Date?
  ) {
    self.id = id
    self.recipientID = recipientID
    self.givenBy = givenBy
    self.form = form
    self.purpose = purpose
    self.documentReference = documentReference
    self.services = services
    self.staff = staff
    self.categories = categories
    self.validFrom = validFrom
    self.validUntil = validUntil
    self.recordedBy = recordedBy
    self.recordedAt = recordedAt
    self.withdrawnAt = withdrawnAt
  }

  /// Not withdrawn, and `date` lies within the validity period (both ends inclusive).
  public func isLive(on date: CalendarDate) -> Bool {
    withdrawnAt == nil && validFrom <= date && validUntil.map { date <= $0 } ?? true
  }

  /// Live and ending within `days` of `date`.
  public func isExpiring(within days: Int, of date: CalendarDate) -> Bool {
    guard isLive(on: date), let validUntil else { return false }
    return validUntil <= date.adding(days: days)
  }
}

/// What recording a consent takes; validated before anything is written.
public struct NewConsent: Sendable, Equatable {
  public let recipientID: RecipientID
  public let givenBy: Consent.GivenBy
  public let form: Consent.Form
  public let purpose: String
  public let documentReference: String?
  public let services: [ServiceCode]
  public let staff: [StaffID]
  public let categories: [InformationCategory]
  public let validFrom: CalendarDate
  public let validUntil: CalendarDate?

  public init(
    recipientID: RecipientID, givenBy: Consent.GivenBy = .recipient, form: Consent.Form = .written,
    purpose: String, documentReference: String? = nil, services: [ServiceCode],
    staff: [StaffID] = [], categories: [InformationCategory], validFrom: CalendarDate,
    validUntil: CalendarDate?, today: CalendarDate
  ) throws(DomainError) {
    guard !services.isEmpty || !staff.isEmpty else { throw .emptyScope("service or staff member") }
    guard !categories.isEmpty else { throw .emptyScope("information category") }
    guard !purpose.trimmingSpaces.isEmpty else { throw .emptyField("purpose") }
    if let validUntil {
      guard validUntil >= today else { throw .dateInPast("the consent's end date") }
      guard validUntil >= validFrom else { throw .endBeforeStart }
    }
    self.recipientID = recipientID
    self.givenBy = givenBy
    self.form = form
    self.purpose = purpose
    self.documentReference = documentReference
    self.services = Array(Set(services)).sorted()
    self.staff = Array(Set(staff)).sorted()
    self.categories = Array(Set(categories)).sorted()
    self.validFrom = validFrom
    self.validUntil = validUntil
  }
}
