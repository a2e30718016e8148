import Foundation
import SamhandCore
import SamhandPolicy
import SamhandStore

/// The attributes `AccessFacts` gives the Cedar entities, mapped to the store's facts, so that
/// a residual of the policies (a condition on an unknown recipient's record) becomes a
/// condition the store can ask of every candidate in SQL. An attribute missing here cannot be
/// narrowed by: the policy reading it widens the list (every candidate is judged).
extension AccessFacts {
  /// `resource.recipient.X` and `resource.X` (a record), by path.
  static let factsByPath: [[String]: RecipientFact] = [
    ["recipient", "registeredBy"]: .registeredBy,
    ["recipient", "careTeam"]: .careTeam,
    ["recipient", "breakGlass"]: .breakGlass,
    ["recipient", "identityConsentedServices"]: .identityConsentedServices,
    ["recipient", "identityConsentedStaff"]: .identityConsentedStaff,
    ["recipient", "receivingServices"]: .receivingServices,
    ["consentedServices"]: .consentedServices,
    ["consentedStaff"]: .consentedStaff,
    ["blockedServices"]: .blockedServices,
    ["blockedStaff"]: .blockedStaff,
  ]

  /// The entity type a fact's values have: services or staff.
  static func valueType(of fact: RecipientFact) -> String {
    switch fact {
    case .registeredBy, .identityConsentedServices, .receivingServices, .consentedServices,
      .blockedServices:
      return "Service"
    case .careTeam, .breakGlass, .identityConsentedStaff, .consentedStaff, .blockedStaff:
      return "Staff"
    }
  }

  /// The store's condition for one attribute test, or nil when the store has no query for it.
  static func condition(for test: AttributeTest) -> RecipientCondition? {
    guard let fact = factsByPath[test.path] else { return nil }
    let values: Set<CedarValue>
    switch test.kind {
    case .includesAny(let any): values = any
    // Only `registeredBy` holds one entity; a set compared with `==` is not narrowed.
    case .equals(let value) where fact == .registeredBy: values = [value]
    case .equals: return nil
    }
    let type = valueType(of: fact)
    let ids = values.compactMap { value -> String? in
      guard case .entity(let uid) = value, uid.type == type else { return nil }
      return uid.id
    }
    return .fact(fact, includesAny: ids.sorted())
  }

  /// The residual as a store condition; every test in it must have a condition.
  static func condition(for residual: Residual) -> RecipientCondition {
    switch residual {
    case .constant(let value): return .always(value)
    case .test(let test): return condition(for: test) ?? .always(true)
    case .not(let inner): return .not(condition(for: inner))
    case .and(let parts): return .all(parts.map(condition(for:)))
    case .or(let parts): return .any(parts.map(condition(for:)))
    }
  }

  /// The entities a partial evaluation knows: the principal with its services and roles.
  static func principalEntities(_ staff: Staff) -> Entities {
    Entities(
      [entity(for: staff)] + staff.services.map { Entity(uid: .service($0)) }
        + staff.roles.map { Entity(uid: .role($0)) })
  }
}
