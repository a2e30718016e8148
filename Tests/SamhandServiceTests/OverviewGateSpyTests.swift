import Foundation
import SamhandCore
import SamhandService
import Testing

/// Invariant 1 for the coordinating unit's overview and notices and the record of processing:
/// each asks the decider and is audited; under a decider that denies everything, none
/// succeeds or writes anything but its audit entry.
@Suite("The one gate for the overview and notices")
struct OverviewGateSpyTests {
  struct Context: Sendable {
    let notice: NoticeID
  }

  typealias UseCase = @Sendable (ServiceFixture, Context) throws -> Void
  static let unit = ServiceFixture.unitCoordinator

  static let useCases: [(String, UseCase)] = [
    (
      "sendNotice",
      { f, _ in
        _ = try f.service.sendNotice(
          recipient: f.recipient, need: "plan", note: "Trenger plan",
          as: ServiceFixture.coordinator, options: .followUp)
      }
    ),
    (
      "planOverview",
      { f, _ in
        guard !(try f.service.planOverview(as: unit, options: .followUp).items.isEmpty) else {
          throw ServiceError.notFound(kind: "plan", id: "overview")
        }
      }
    ),
    (
      "notices",
      { f, _ in
        guard !(try f.service.notices(as: unit, options: .followUp).items.isEmpty) else {
          throw ServiceError.notFound(kind: "notice", id: "intake")
        }
      }
    ),
    (
      "showNotice", { f, c in _ = try f.service.showNotice(c.notice, as: unit, options: .followUp) }
    ),
    (
      "acceptNotice",
      { f, c in _ = try f.service.acceptNotice(c.notice, as: unit, options: .followUp) }
    ),
    (
      "assignNoticeCoordinator",
      { f, c in
        _ = try f.service.assignNoticeCoordinator(
          c.notice, coordinator: StaffID(rawValue: "phr.caseworker"), as: unit,
          options: .followUp)
      }
    ),
    (
      "processingRecord",
      { f, _ in
        _ = try f.service.processingRecord(
          as: ServiceFixture.actor("phr.auditor"), options: .followUp)
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
    try fixture.addCoordinatingUnit()
    _ = try fixture.activePlan()
    let notice = try fixture.service.sendNotice(
      recipient: fixture.recipient, need: "coordinator", as: ServiceFixture.coordinator,
      options: .followUp)
    return (fixture, try #require(spy), Context(notice: notice))
  }

  @Test("every overview and notice use case asks the decider", arguments: useCases.map(\.0))
  func allowed(_ name: String) throws {
    let (fixture, spy, context) = try Self.prepare()
    let run = try #require(Self.useCases.first { $0.0 == name }?.1)
    try GateSpyChecks.expectAsksAndAudits(name, fixture, spy) { try run(fixture, context) }
  }

  @Test(
    "under a decider that denies everything, no overview or notice use case succeeds or writes",
    arguments: useCases.map(\.0))
  func denied(_ name: String) throws {
    let (fixture, spy, context) = try Self.prepare()
    let run = try #require(Self.useCases.first { $0.0 == name }?.1)
    try GateSpyChecks.expectDenyAllStops(name, fixture, spy) { try run(fixture, context) }
  }
}
