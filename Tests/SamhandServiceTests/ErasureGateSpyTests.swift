import Foundation
import SamhandCore
import SamhandService
import Testing

/// Invariant 1 for erasure and retention: each use case asks the decider and is audited;
/// under a decider that denies everything, none succeeds or writes anything but its audit
/// entry.
@Suite("The one gate for erasure and retention")
struct ErasureGateSpyTests {
  struct Context: Sendable {
    let pending: ErasureRequestID
    let held: RecipientID
  }

  typealias UseCase = @Sendable (ServiceFixture, Context) throws -> Void
  static let leader = ServiceFixture.actor("phr.leader")

  static let useCases: [(String, UseCase)] = [
    (
      "requestErasure",
      { f, _ in
        _ = try f.service.requestErasure(
          of: f.recipient, ground: .objection, reason: "innsigelse",
          as: ServiceFixture.actor("phr.caseworker"), options: .followUp)
      }
    ),
    (
      "approveErasure",
      { f, c in _ = try f.service.approveErasure(c.pending, as: leader, options: .followUp) }
    ),
    (
      "rejectErasure",
      { f, c in
        try f.service.rejectErasure(c.pending, reason: "nei", as: leader, options: .followUp)
      }
    ),
    (
      "erasureStatus",
      { f, c in _ = try f.service.erasureStatus(c.pending, as: leader, options: .followUp) }
    ),
    (
      "erasureRequests",
      { f, _ in
        let queue = try f.service.erasureRequests(pendingOnly: true, as: leader, options: .followUp)
        guard !queue.items.isEmpty else { throw ServiceError.notFound(kind: "queue", id: "-") }
      }
    ),
    (
      "setLegalHold",
      { f, _ in try f.service.setLegalHold(true, on: f.recipient, as: leader, options: .followUp) }
    ),
    (
      "clearLegalHold",
      { f, c in try f.service.setLegalHold(false, on: c.held, as: leader, options: .followUp) }
    ),
    (
      "retentionDue",
      { f, _ in
        f.clock.advance(days: 365 * 11)
        let due = try f.service.retentionDue(as: leader, options: .followUp)
        guard !due.items.isEmpty else { throw ServiceError.notFound(kind: "due", id: "-") }
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
    try fixture.service.addStaff(
      id: StaffID(rawValue: "phr.leader"), name: "Test leder",
      services: [ServiceCode("psykisk-helse-rus")], roles: [.leader], by: ServiceFixture.osUser)
    let nationalID = try #require(
      NationalID.synthetic(year: 1981, month: 9, day: 30, individual: 219))
    let other = try fixture.service.registerRecipient(
      name: "Annen Fiktiv", nationalID: nationalID.digits,
      as: ServiceFixture.actor("phr.coordinator"), options: .followUp)
    let pending = try fixture.service.requestErasure(
      of: other, ground: .registeredInError, reason: "feilregistrert",
      as: ServiceFixture.actor("phr.caseworker"), options: .followUp)
    let held = try fixture.service.registerRecipient(
      name: "Holdt Fiktiv",
      nationalID: try #require(NationalID.synthetic(year: 1979, month: 1, day: 8, individual: 331))
        .digits, as: ServiceFixture.actor("phr.coordinator"), options: .followUp)
    try fixture.service.setLegalHold(true, on: held, as: leader, options: .followUp)
    return (fixture, try #require(spy), Context(pending: pending, held: held))
  }

  @Test("every erasure use case asks the decider and is audited", arguments: useCases.map(\.0))
  func allowed(_ name: String) throws {
    let (fixture, spy, context) = try Self.prepare()
    let run = try #require(Self.useCases.first { $0.0 == name }?.1)
    try GateSpyChecks.expectAsksAndAudits(name, fixture, spy) { try run(fixture, context) }
  }

  @Test(
    "under a decider that denies everything, no erasure use case succeeds or writes",
    arguments: useCases.map(\.0))
  func denied(_ name: String) throws {
    let (fixture, spy, context) = try Self.prepare()
    let run = try #require(Self.useCases.first { $0.0 == name }?.1)
    try GateSpyChecks.expectDenyAllStops(name, fixture, spy) { try run(fixture, context) }
  }
}
