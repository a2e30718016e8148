import Foundation
import SamhandCore
import SamhandService
import SamhandTestSupport
import Testing

/// Invariants 5 and 8 over seeded random sequences of plan operations: after every step, at
/// most one active plan per recipient; an active plan rests on a consent that was live and
/// covered `plan` when it was activated, and has exactly one coordinator; every accepted change
/// is exactly one new version, every refused one none, and no history row ever disappears.
@Suite("Plan invariants under random operations")
struct PlanPropertyTests {
  enum Operation: CaseIterable {
    case create, activate, close, addGoal, revise, addConsent, withdrawConsent, staleEdit

    /// Activation is what the invariants are about, so it is drawn more often.
    static let weighted: [Operation] = allCases + [.activate, .activate, .create]
  }

  static let historyTables = [
    "plans", "plan_versions", "plan_coordinators", "plan_goals", "plan_goal_statuses",
    "plan_revisions", "consents",
  ]

  @Test("invariants 5 and 8 hold after every step", arguments: [1, 7, 42, 2027, 31337] as [UInt64])
  func randomSequences(seed: UInt64) throws {
    var random = SplitMix64(seed: seed)
    let fixture = try ServiceFixture()
    let actor = ServiceFixture.coordinator
    let second = try #require(NationalID.synthetic(year: 1985, month: 2, day: 3, individual: 456))
    let recipients = [
      fixture.recipient,
      try fixture.service.registerRecipient(
        name: "Fiktiv To", nationalID: second.digits, as: actor, options: .followUp),
    ]
    // Plans in creation order: ids are random, so picking from a sorted list would make the
    // sequence depend on them rather than on the seed.
    var plans: [PlanID] = []
    var versions: [PlanID: Int] = [:]
    // The first recipient starts with a consent covering `plan`, the second without one, so
    // every sequence meets both outcomes of activation.
    var consents = [try fixture.consent(["nav"], [.identity, .plan])]
    var counts = try Self.counts(fixture)
    for step in 0..<60 {
      let context = "seed \(seed), step \(step)"
      fixture.clock.advance(hours: 1)
      let recipient = recipients[random.below(recipients.count)]
      let plan = plans.isEmpty ? nil : random.pick(plans)
      let operation = Operation.weighted[random.below(Operation.weighted.count)]
      var accepted: PlanID?
      do {
        switch operation {
        case .create:
          let id = try fixture.service.createPlan(
            recipient: recipient, coordinator: StaffID(rawValue: "phr.coordinator"), as: actor,
            options: .followUp)
          versions[id] = 0
          plans.append(id)
          accepted = id
        case .activate:
          guard let plan else { continue }
          accepted = try fixture.service.activatePlan(plan, as: actor, options: .followUp).id
        case .close:
          guard let plan else { continue }
          accepted = try fixture.service.closePlan(
            plan, reason: "Avsluttet", as: actor, options: .followUp
          ).id
        case .addGoal:
          guard let plan else { continue }
          let domain = LifeDomain.allCases[random.below(LifeDomain.allCases.count)]
          _ = try fixture.service.addGoal(
            try NewGoal(domain: domain, text: "Mål \(step)"), to: plan, as: actor,
            options: .followUp)
          accepted = plan
        case .revise:
          guard let plan else { continue }
          _ = try fixture.service.revisePlan(
            plan, evaluation: "Evaluering \(step)", as: actor, options: .followUp)
          accepted = plan
        case .addConsent:
          consents.append(
            try fixture.service.addConsent(
              recipient: recipient,
              scope: .init(services: [try ServiceCode("nav")], categories: [.identity, .plan]),
              purpose: "samordning", as: actor, options: .followUp))
        case .withdrawConsent:
          guard !consents.isEmpty else { continue }
          let consent = random.pick(consents)
          try fixture.service.withdrawConsent(consent, as: actor, options: .followUp)
        case .staleEdit:
          guard let plan, let version = versions[plan], version > 1 else { continue }
          try fixture.service.updatePlan(
            plan, try .init(ownWords: "Gammel versjon"), expectedVersion: version - 1, as: actor,
            options: .followUp)
          Issue.record("\(context): a stale edit was accepted")
        }
      } catch is ServiceError {
        // Refusals are expected (closed plan, no consent, second active plan, stale edit…);
        // what matters is that they changed nothing, checked below.
      }
      for id in plans {
        let expected = (versions[id] ?? 0) + (id == accepted ? 1 : 0)
        let actual = try fixture.service.showPlan(id, as: actor, options: .followUp).version
        #expect(actual == expected, "\(context): plan \(id)")
        versions[id] = actual
      }
      try Self.checkInvariants(fixture, context)
      let now = try Self.counts(fixture)
      for table in Self.historyTables {
        #expect(now[table, default: 0] >= counts[table, default: 0], "\(context): \(table) shrank")
      }
      counts = now
    }
    #expect(versions.values.contains { $0 > 1 }, "seed \(seed): the sequence never changed a plan")
    let activations = try fixture.service.count(
      "SELECT COUNT(*) FROM plan_versions WHERE change = 'activated'")
    #expect(activations > 0, "seed \(seed): the sequence never activated a plan")
  }

  static func counts(_ fixture: ServiceFixture) throws -> [String: Int] {
    var counts: [String: Int] = [:]
    for table in historyTables {
      counts[table] = try fixture.service.count("SELECT COUNT(*) FROM \(sql: table)")
    }
    return counts
  }

  static func checkInvariants(_ fixture: ServiceFixture, _ context: String) throws {
    let multipleActive = try fixture.service.count(
      """
      SELECT COUNT(*) FROM (SELECT recipient_id FROM plans WHERE status = 'active'
        GROUP BY recipient_id HAVING COUNT(*) > 1) AS twice
      """)
    #expect(multipleActive == 0, "\(context): more than one active plan")
    let unversioned = try fixture.service.count(
      """
      SELECT COUNT(*) FROM plans p WHERE p.version != (SELECT COUNT(*) FROM plan_versions v
        WHERE v.plan_id = p.id) OR p.version != (SELECT MAX(version) FROM plan_versions v
        WHERE v.plan_id = p.id) OR p.status != (SELECT status FROM plan_versions v
        WHERE v.plan_id = p.id AND v.version = p.version)
      """)
    #expect(unversioned == 0, "\(context): a plan's state does not match its version history")
    let coordinators = try fixture.service.count(
      """
      SELECT COUNT(*) FROM plans p WHERE (SELECT COUNT(*) FROM plan_coordinators c
        WHERE c.plan_id = p.id AND c.ended_at IS NULL) != 1
      """)
    #expect(coordinators == 0, "\(context): a plan without exactly one coordinator")
    let withoutConsent = try fixture.service.count(
      """
      SELECT COUNT(*) FROM plans p
      JOIN plan_versions v ON v.plan_id = p.id AND v.change = 'activated'
      WHERE p.status = 'active' AND NOT EXISTS (
        SELECT 1 FROM consents c JOIN consent_categories k ON k.consent_id = c.id
        WHERE c.id = v.activation_consent_id AND c.recipient_id = p.recipient_id
          AND k.category = 'plan' AND c.recorded_at <= v.changed_at
          AND (c.withdrawn_at IS NULL OR c.withdrawn_at > v.changed_at))
      """)
    #expect(withoutConsent == 0, "\(context): an active plan activated without a live consent")
  }
}
