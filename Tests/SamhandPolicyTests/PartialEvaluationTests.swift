import Foundation
import SamhandPolicy
import SamhandTestSupport
import Testing

/// Partial evaluation with the resource unknown must agree with deciding each resource: for
/// every resource, the residual evaluated on its attributes is exactly the decision (where no
/// policy had to be widened), and never false where the decision allows.
@Suite("Partial evaluation")
struct PartialEvaluationTests {
  static let policies = DefaultPolicyCasesTests.root.appending(path: "policies")
  static let services = ["nav", "psykisk-helse-rus", "fastlege", "tsb", "barnevern"]
  static let staff = ["s1", "s2", "s3", "s4"]
  static let roles = ["caseworker", "coordinator", "leader", "clinician", "auditor"]
  static let categories = ["identity", "plan", "group", "handover", "health", "substance-use"]

  @Test("the residual of the default policies decides like the policies, record by record")
  func residualMatchesDecisions() throws {
    let set = try PolicySet.load(directory: Self.policies)
    var random = SplitMix64(seed: 15)
    var compared = 0
    for _ in 0..<300 {
      let principal = EntityUID(type: "Staff", id: Self.staff[random.below(Self.staff.count)])
      let staff = Entity(
        uid: principal, attributes: ["active": .bool(random.chance(0.9))],
        parents: [
          EntityUID(type: "Service", id: Self.services[random.below(Self.services.count)]),
          EntityUID(type: "Role", id: Self.roles[random.below(Self.roles.count)]),
        ])
      let known = [staff] + staff.parents.map { Entity(uid: $0) }
      let category = Self.categories[random.below(Self.categories.count)]
      let action = EntityUID(type: "Action", id: random.chance(0.7) ? "view" : "update")
      let context: [String: CedarValue] = [
        "purpose": .string(random.chance(0.9) ? "follow-up" : ""),
        "breakGlass": .bool(random.chance(0.2)), "now": .long(1_800_000_000),
      ]
      let partial = set.residual(
        for: PartialRequest(
          principal: principal, action: action, resourceType: "Record",
          knownResourceAttributes: ["category": .string(category)], context: context),
        entities: Entities(known))
      let (allow, widened) = partial.allow { _ in true }
      #expect(widened.isEmpty)
      for _ in 0..<10 {
        let (recipient, record) = Self.randomRecord(category: category, random: &random)
        let decision = set.isAuthorized(
          AuthorizationRequest(
            principal: principal, action: action, resource: record.uid, context: context),
          entities: Entities(known + [recipient, record]))
        let predicted = allow.evaluate { test in
          Self.holds(test, on: test.path.first == "recipient" ? recipient : record, test.path)
        }
        #expect(predicted == decision.isAllowed, "\(principal) \(action) \(category)")
        compared += 1
      }
    }
    #expect(compared == 3000)
  }

  @Test("a policy the residual cannot follow widens: a permit to everything, a forbid to nothing")
  func unsupportedShapesWiden() throws {
    let set = try PolicySet.parse(
      text: """
        @id("odd-permit") permit (principal, action, resource) when { resource.tags.isEmpty() };
        @id("odd-forbid") forbid (principal, action, resource) when { resource.level > 3 };
        @id("plain") permit (principal, action, resource) when { resource.owner == principal };
        """)
    let partial = set.residual(
      for: PartialRequest(
        principal: EntityUID(type: "User", id: "u"), action: EntityUID(type: "Action", id: "a"),
        resourceType: "Doc"), entities: Entities([]))
    #expect(Set(partial.widened.map(\.policyID)) == ["odd-permit", "odd-forbid"])
    let (allow, _) = partial.allow { _ in true }
    #expect(allow == .constant(true))
    let (narrowed, widenings) = partial.allow { $0.path != ["owner"] }
    #expect(narrowed == .constant(true))
    #expect(widenings.map(\.policyID).contains("plain"))
  }

  /// A recipient and one record of `category`, with random care team, grants, consents and
  /// blocks drawn from a small world, so that every attribute test both holds and fails.
  static func randomRecord(category: String, random: inout SplitMix64) -> (Entity, Entity) {
    func some(_ ids: [String], _ type: String) -> CedarValue {
      .set(
        Set(ids.filter { _ in random.chance(0.3) }.map { .entity(EntityUID(type: type, id: $0)) }))
    }
    let recipientUID = EntityUID(type: "Recipient", id: "r")
    let recipient = Entity(
      uid: recipientUID,
      attributes: [
        "registeredBy": .entity(
          EntityUID(type: "Service", id: services[random.below(services.count)])),
        "careTeam": some(staff, "Staff"), "breakGlass": some(staff, "Staff"),
        "identityConsentedServices": some(services, "Service"),
        "identityConsentedStaff": some(staff, "Staff"),
        "receivingServices": some(services, "Service"),
      ])
    let record = Entity(
      uid: EntityUID(type: "Record", id: "r/\(category)"),
      attributes: [
        "recipient": .entity(recipientUID), "category": .string(category),
        "consentedServices": some(services, "Service"), "consentedStaff": some(staff, "Staff"),
        "blockedServices": some(services, "Service"), "blockedStaff": some(staff, "Staff"),
      ], parents: [recipientUID])
    return (recipient, record)
  }

  static func holds(_ test: AttributeTest, on entity: Entity, _ path: [String]) -> Bool {
    guard let value = entity.attributes[path.last ?? ""] else { return false }
    switch test.kind {
    case .equals(let expected): return value == expected
    case .includesAny(let values):
      if case .set(let members) = value { return !members.isDisjoint(with: values) }
      return values.contains(value)
    }
  }
}
