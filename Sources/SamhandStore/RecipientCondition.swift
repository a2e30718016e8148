import Foundation
import SamhandCore

/// A fact about a recipient that the policies read, named as the Cedar entities name it. For
/// one decision the gate gathers each fact with the store's single-recipient reads
/// (`registeringService`, `careTeam`, `breakGlassHolders`, `liveConsentScopes`,
/// `liveBlockScopes`, `receivingServices`); for a list, `RecipientCondition` asks the same
/// question of every candidate at once in SQL. The two are held equal by the lists'
/// differential test.
public enum RecipientFact: String, Sendable, CaseIterable {
  // The recipient's own attributes (`resource.recipient.X`).
  case registeredBy, careTeam, breakGlass, identityConsentedServices, identityConsentedStaff
  case receivingServices
  // A record's attributes, for the category the list shows (`resource.X`).
  case consentedServices, consentedStaff, blockedServices, blockedStaff
}

/// A condition on recipients, built from what the policies could allow (see
/// `SamhandService`'s list gate), turned into SQL over the access-fact tables.
public indirect enum RecipientCondition: Sendable, Equatable {
  case always(Bool)
  /// The fact's value is one of `values` or, for a set, holds one of them. Values are service
  /// codes or staff ids, as the fact holds them.
  case fact(RecipientFact, includesAny: [String])
  case not(RecipientCondition)
  case all([RecipientCondition])
  case any([RecipientCondition])

  /// The condition as an SQL boolean on the recipient id in `column`, for records of
  /// `category`, live at `instant`.
  public func sql(recipient column: String, category: InformationCategory, at instant: Date)
    -> StoreSQL
  {
    switch self {
    case .always(let value): return value ? "TRUE" : "FALSE"
    case .not(let inner):
      return "NOT (\(inner.sql(recipient: column, category: category, at: instant)))"
    case .all(let parts):
      return parts.isEmpty
        ? "TRUE"
        : parts.map { "(\($0.sql(recipient: column, category: category, at: instant)))" }
          .joined(separator: " AND ")
    case .any(let parts):
      return parts.isEmpty
        ? "FALSE"
        : parts.map { "(\($0.sql(recipient: column, category: category, at: instant)))" }
          .joined(separator: " OR ")
    case .fact(let fact, let values):
      guard !values.isEmpty else { return "FALSE" }
      return fact.sql(
        recipient: StoreSQL(sql: column), includesAny: values, category: category, at: instant)
    }
  }
}

extension RecipientFact {
  /// Whether the fact of the recipient in `recipient` holds one of `values`.
  func sql(
    recipient: StoreSQL, includesAny values: [String], category: InformationCategory,
    at instant: Date
  )
    -> StoreSQL
  {
    let now = Timestamp.format(instant)
    let day = CalendarDate(instant).description
    switch self {
    case .registeredBy:
      return
        "EXISTS (SELECT 1 FROM recipients x WHERE x.id = \(recipient) AND x.registered_by_service IN \(values))"
    case .careTeam:
      return StoreTransaction.careRelationshipExistsSQL(recipient: recipient, staff: values)
    case .breakGlass:
      return """
        EXISTS (SELECT 1 FROM break_glass_grants g WHERE g.recipient_id = \(recipient)
          AND g.staff_id IN \(values) AND g.granted_at <= \(now) AND g.expires_at > \(now))
        """
    case .receivingServices:
      return """
        EXISTS (SELECT 1 FROM handovers h WHERE h.recipient_id = \(recipient) AND h.to_staff IS NULL
          AND h.state IN ('proposed', 'accepted') AND h.to_service IN \(values))
        """
    case .identityConsentedServices, .consentedServices:
      let covered = self == .identityConsentedServices ? InformationCategory.identity : category
      return Self.liveConsent(
        recipient, day: day, category: covered,
        who:
          "SELECT 1 FROM consent_services s WHERE s.consent_id = c.id AND s.service_code IN \(values)"
      )
    case .identityConsentedStaff, .consentedStaff:
      let covered = self == .identityConsentedStaff ? InformationCategory.identity : category
      return Self.liveConsent(
        recipient, day: day, category: covered,
        who: "SELECT 1 FROM consent_staff s WHERE s.consent_id = c.id AND s.staff_id IN \(values)")
    case .blockedServices, .blockedStaff:
      let column: StoreSQL = self == .blockedServices ? "b.service_code" : "b.staff_id"
      return """
        EXISTS (SELECT 1 FROM blocks b WHERE b.recipient_id = \(recipient) AND b.lifted_at IS NULL
          AND \(column) IN \(values)
          AND (NOT EXISTS (SELECT 1 FROM block_categories k WHERE k.block_id = b.id)
            OR EXISTS (SELECT 1 FROM block_categories k WHERE k.block_id = b.id
              AND k.category = \(category.rawValue))))
        """
    }
  }

  /// A consent of the recipient live on `day` that covers `category` and whose `who` matches.
  private static func liveConsent(
    _ recipient: StoreSQL, day: String, category: InformationCategory, who: StoreSQL
  ) -> StoreSQL {
    """
    EXISTS (SELECT 1 FROM consents c WHERE c.recipient_id = \(recipient) AND c.withdrawn_at IS NULL
      AND c.valid_from <= \(day) AND (c.valid_until IS NULL OR c.valid_until >= \(day))
      AND (NOT EXISTS (SELECT 1 FROM consent_categories k WHERE k.consent_id = c.id)
        OR EXISTS (SELECT 1 FROM consent_categories k WHERE k.consent_id = c.id
          AND k.category = \(category.rawValue)))
      AND EXISTS (\(who)))
    """
  }
}

/// What a list may show: per category, the condition a recipient must meet for the policies
/// to possibly allow a look at their records of that category, as of `instant`.
public struct RecipientNarrowing: Sendable {
  let conditions: [InformationCategory: RecipientCondition]
  let instant: Date

  public init(_ conditions: [InformationCategory: RecipientCondition], at instant: Date) {
    self.conditions = conditions
    self.instant = instant
  }

  /// Whether the policies could allow no record of any category the narrowing was computed
  /// for: every condition is constant false.
  public var admitsNone: Bool { conditions.values.allSatisfy { $0 == .always(false) } }

  /// The condition on the recipient id in `column` for records of `category`, parenthesized
  /// so that it can stand beside any other condition; a category the narrowing was not
  /// computed for admits no one.
  public func sql(recipient column: String, category: InformationCategory) -> StoreSQL {
    "(\((conditions[category] ?? .always(false)).sql(recipient: column, category: category, at: instant)))"
  }
}
