import Foundation
import SamhandCore
import SamhandService
import Testing

/// Invariant 1 for the handover use cases: each asks the decider and is audited; under a
/// decider that denies everything, none succeeds or writes anything but its audit entry.
@Suite("The one gate for handovers")
struct HandoverGateSpyTests {
  struct Context: Sendable {
    let proposed: HandoverID
    let draft: HandoverID
    let accepted: HandoverID
  }

  typealias UseCase = @Sendable (ServiceFixture, Context) throws -> Void
  static let sender = ServiceFixture.coordinator
  static let receiver = ServiceFixture.nav

  static let useCases: [(String, UseCase)] = [
    ("proposeHandover", { f, _ in _ = try f.propose("relocation", to: "nav.caseworker") }),
    (
      "sendHandover",
      { f, c in try f.service.sendHandover(c.draft, as: sender, options: .followUp) }
    ),
    (
      "acceptHandover",
      { f, c in try f.service.acceptHandover(c.proposed, as: receiver, options: .followUp) }
    ),
    (
      "rejectHandover",
      { f, c in
        try f.service.rejectHandover(
          c.proposed, category: .other, reason: "Nei", as: receiver, options: .followUp)
      }
    ),
    (
      "withdrawHandover",
      { f, c in try f.service.withdrawHandover(c.proposed, as: sender, options: .followUp) }
    ),
    (
      "completeHandover",
      { f, c in try f.service.completeHandover(c.accepted, as: receiver, options: .followUp) }
    ),
    (
      "showHandover",
      { f, c in _ = try f.service.showHandover(c.proposed, as: sender, options: .followUp) }
    ),
    (
      "handovers",
      { f, _ in _ = try f.service.handovers(of: f.recipient, as: sender, options: .followUp) }
    ),
    (
      "responsibilityHolder",
      { f, _ in
        _ = try f.service.responsibilityHolder(of: f.recipient, as: sender, options: .followUp)
      }
    ),
    (
      "markChecklistItem",
      { f, c in
        try f.service.markChecklistItem(c.proposed, item: "housing", as: sender, options: .followUp)
      }
    ),
    (
      "addChecklistItem",
      { f, c in
        try f.service.addChecklistItem(
          c.proposed, label: "Nøkler", as: receiver, options: .followUp)
      }
    ),
  ]

  static func prepare() throws -> (ServiceFixture, GateSpyTests.DecisionSpy, Context) {
    nonisolated(unsafe) var spy: GateSpyTests.DecisionSpy?
    let fixture = try ServiceFixture { policies in
      let made = GateSpyTests.DecisionSpy(policies)
      spy = made
      return made
    }
    _ = try fixture.consent(["nav"], [.identity, .plan, .handover])
    let proposed = try fixture.propose(to: "nav.caseworker")
    var draft = fixture.proposal("turning-18", to: "nav.caseworker")
    draft.draft = true
    let drafted = try fixture.service.proposeHandover(draft, as: sender, options: .followUp).id
    let accepted = try fixture.propose("relocation", to: "nav.caseworker")
    try fixture.service.acceptHandover(accepted, as: receiver, options: .followUp)
    let context = Context(proposed: proposed, draft: drafted, accepted: accepted)
    return (fixture, try #require(spy), context)
  }

  @Test("every handover use case asks the decider and is audited", arguments: useCases.map(\.0))
  func allowed(_ name: String) throws {
    let (fixture, spy, context) = try Self.prepare()
    let run = try #require(Self.useCases.first { $0.0 == name }?.1)
    try GateSpyChecks.expectAsksAndAudits(name, fixture, spy) { try run(fixture, context) }
  }

  @Test(
    "under a decider that denies everything, no handover use case succeeds or writes",
    arguments: useCases.map(\.0))
  func denied(_ name: String) throws {
    let (fixture, spy, context) = try Self.prepare()
    let run = try #require(Self.useCases.first { $0.0 == name }?.1)
    try GateSpyChecks.expectDenyAllStops(name, fixture, spy) { try run(fixture, context) }
  }

  @Test("the inbox shows only what the decider allows, each look audited")
  func inbox() throws {
    let (fixture, spy, _) = try Self.prepare()
    try GateSpyChecks.expectAsksAndAudits("handoverInbox", fixture, spy) {
      let inbox = try fixture.service.handoverInbox(as: Self.receiver, options: .followUp)
      #expect(inbox.incoming.count == 1)
    }
    spy.startDenying()
    let inbox = try fixture.service.handoverInbox(as: Self.receiver, options: .followUp)
    #expect(inbox.incoming.isEmpty && inbox.outgoing.isEmpty && inbox.overdue.isEmpty)
  }
}
