import Foundation
import SamhandCore
import SamhandPolicy
import SamhandService
import Testing

/// Proves invariant 1 by construction: every public use case on recipient data asks the
/// decider. Under a decider that denies everything, every one of them fails and writes
/// nothing but its audit entry — a use case that bypassed the gate would succeed.
@Suite("The one gate")
struct GateSpyTests {
  final class DecisionSpy: AccessDecider, @unchecked Sendable {
    let policies: PolicySet
    private let lock = NSLock()
    private var requests: [AuthorizationRequest] = []
    private var denyAll = false

    init(_ policies: PolicySet) { self.policies = policies }

    func decide(_ request: AuthorizationRequest, entities: Entities) -> Decision {
      lock.withLock { requests.append(request) }
      if lock.withLock({ denyAll }) {
        return Decision(isAllowed: false, reasons: [], errors: [])
      }
      return policies.decide(request, entities: entities)
    }

    func residual(for request: PartialRequest, entities: Entities) -> PartialDecision {
      policies.residual(for: request, entities: entities)
    }

    var count: Int { lock.withLock { requests.count } }
    func startDenying() { lock.withLock { denyAll = true } }
  }

  /// Every public use case that touches recipient data, run as someone the real policies allow.
  static let useCases: [(String, @Sendable (ServiceFixture, Context) throws -> Void)] = [
    (
      "registerRecipient",
      { fixture, context in
        let id = try #require(NationalID.synthetic(year: 1977, month: 7, day: 7, individual: 77))
        _ = try fixture.service.registerRecipient(
          name: "Ny Fiktiv", nationalID: id.digits, as: context.coordinator, options: .followUp)
      }
    ),
    (
      "showRecipient",
      { f, c in _ = try f.service.showRecipient(f.recipient, as: c.coordinator, options: .followUp)
      }
    ),
    (
      "findRecipient",
      { f, c in
        _ = try f.service.findRecipient(
          nationalID: f.nationalID.digits, as: c.coordinator, options: .followUp)
      }
    ),
    (
      "caseload",
      { f, c in
        let list = try f.service.caseload(as: c.coordinator, options: .followUp).items
        guard !list.isEmpty else { throw ServiceError.notFound(kind: "recipient", id: "caseload") }
      }
    ),
    (
      "assign",
      { f, c in
        try f.service.assign(
          StaffID(rawValue: "nav.other"), to: f.recipient, as: c.coordinator, options: .followUp)
      }
    ),
    (
      "unassign",
      { f, c in
        try f.service.unassign(
          StaffID(rawValue: "nav.caseworker"), from: f.recipient, as: c.coordinator,
          options: .followUp)
      }
    ),
    ("addConsent", { f, c in _ = try f.consent(["tsb"], [.plan]) }),
    (
      "withdrawConsent",
      { f, c in try f.service.withdrawConsent(c.consent, as: c.coordinator, options: .followUp) }
    ),
    (
      "consents",
      { f, c in _ = try f.service.consents(of: f.recipient, as: c.coordinator, options: .followUp) }
    ),
    (
      "expiringConsents",
      { f, c in
        let list = try f.service.expiringConsents(as: c.coordinator, options: .followUp)
        guard !list.isEmpty else { throw ServiceError.notFound(kind: "consent", id: "expiring") }
      }
    ),
    (
      "addBlock",
      { f, c in
        _ = try f.service.addBlock(
          recipient: f.recipient, target: .service(ServiceCode("tsb")), as: c.coordinator,
          options: .followUp)
      }
    ),
    (
      "liftBlock",
      { f, c in try f.service.liftBlock(c.block, as: c.coordinator, options: .followUp) }
    ),
    (
      "blocks",
      { f, c in _ = try f.service.blocks(of: f.recipient, as: c.coordinator, options: .followUp) }
    ),
    (
      "breakGlass",
      { f, c in
        _ = try f.service.breakGlass(
          recipient: f.recipient, reason: "akutt", as: c.clinician, options: .followUp)
      }
    ),
    (
      "breakGlassGrants",
      { f, c in _ = try f.service.breakGlassGrants(as: c.auditor, options: .followUp) }
    ),
    (
      "reviewBreakGlass",
      { f, c in
        try f.service.reviewBreakGlass(
          c.grant, outcome: .accepted, comment: "ok", as: c.auditor, options: .followUp)
      }
    ),
    (
      "accessLog",
      { f, c in _ = try f.service.accessLog(of: f.recipient, as: c.coordinator, options: .followUp)
      }
    ),
  ]

  /// Things the use cases act on, made while the spy still lets the real policies decide.
  struct Context: Sendable {
    let coordinator = ServiceFixture.actor("phr.coordinator")
    let clinician = ServiceFixture.actor("gp.clinician")
    let auditor = ServiceFixture.actor("phr.auditor")
    let consent: ConsentID
    let block: BlockID
    let grant: BreakGlassID
  }

  static func prepare() throws -> (ServiceFixture, DecisionSpy, Context) {
    nonisolated(unsafe) var spy: DecisionSpy?
    let fixture = try ServiceFixture { policies in
      let made = DecisionSpy(policies)
      spy = made
      return made
    }
    let coordinator = ServiceFixture.actor("phr.coordinator")
    let today = CalendarDate.today(fixture.clock)
    let consent = try fixture.consent(["nav"], [.identity], until: today.adding(days: 10))
    try fixture.service.assign(
      StaffID(rawValue: "nav.caseworker"), to: fixture.recipient, as: coordinator,
      options: .followUp)
    let block = try fixture.service.addBlock(
      recipient: fixture.recipient, target: .staff(StaffID(rawValue: "tsb.clinician")),
      as: coordinator, options: .followUp)
    let grant = try fixture.service.breakGlass(
      recipient: fixture.recipient, reason: "akutt innleggelse",
      as: ServiceFixture.actor("tsb.clinician"), options: .followUp)
    let context = Context(consent: consent, block: block, grant: grant.id)
    return (fixture, try #require(spy), context)
  }

  @Test("every use case asks the decider and is audited", arguments: useCases.map(\.0))
  func everyUseCaseAsks(_ name: String) throws {
    let (fixture, spy, context) = try Self.prepare()
    let run = try #require(Self.useCases.first { $0.0 == name }?.1)
    try GateSpyChecks.expectAsksAndAudits(name, fixture, spy) { try run(fixture, context) }
  }

  @Test(
    "under a decider that denies everything, no use case succeeds or writes",
    arguments: useCases.map(\.0))
  func denyAllStopsEverything(_ name: String) throws {
    let (fixture, spy, context) = try Self.prepare()
    let run = try #require(Self.useCases.first { $0.0 == name }?.1)
    try GateSpyChecks.expectDenyAllStops(name, fixture, spy) { try run(fixture, context) }
  }
}
