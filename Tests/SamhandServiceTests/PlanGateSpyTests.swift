import Foundation
import SamhandCore
import SamhandService
import Testing

/// Invariant 1 for the plan and group use cases: under a decider that denies everything, none
/// of them succeeds or writes anything but its audit entry.
@Suite("The one gate for plans and groups")
struct PlanGateSpyTests {
  struct Context: Sendable {
    let plan: PlanID
    let goal: GoalID
    let measure: MeasureID
    let group: GroupID
    let member: GroupMemberID
    let meeting: MeetingID
    let item: ActionItemID
  }

  typealias UseCase = @Sendable (ServiceFixture, Context) throws -> Void
  static let actor = ServiceFixture.coordinator

  static let useCases: [(String, UseCase)] = [
    (
      "createPlan",
      { f, _ in
        _ = try f.service.createPlan(
          recipient: f.recipient, coordinator: StaffID(rawValue: "phr.coordinator"), as: actor,
          options: .followUp)
      }
    ),
    ("showPlan", { f, c in _ = try f.service.showPlan(c.plan, as: actor, options: .followUp) }),
    (
      "planHistory",
      { f, c in _ = try f.service.planHistory(c.plan, as: actor, options: .followUp) }
    ),
    ("plans", { f, _ in _ = try f.service.plans(of: f.recipient, as: actor, options: .followUp) }),
    (
      "updatePlan",
      { f, c in
        try f.service.updatePlan(c.plan, try .init(ownWords: "Ny"), as: actor, options: .followUp)
      }
    ),
    (
      "closePlan",
      { f, c in try f.service.closePlan(c.plan, reason: "Flyttet", as: actor, options: .followUp) }
    ),
    (
      "addGoal",
      { f, c in
        try f.service.addGoal(
          try NewGoal(domain: .leisure, text: "Fiske"), to: c.plan, as: actor, options: .followUp)
      }
    ),
    (
      "setGoalStatus",
      { f, c in
        try f.service.setGoalStatus(c.goal, .achieved, in: c.plan, as: actor, options: .followUp)
      }
    ),
    (
      "addMeasure",
      { f, c in
        try f.service.addMeasure(
          try NewMeasure(description: "Bistand", responsibleService: try ServiceCode("nav")),
          to: c.plan, as: actor, options: .followUp)
      }
    ),
    (
      "setMeasureStatus",
      { f, c in
        try f.service.setMeasureStatus(
          c.measure, .ongoing, in: c.plan, as: actor, options: .followUp)
      }
    ),
    (
      "addReference",
      { f, c in
        try f.service.addReference(
          kind: .iop, reference: "IOP 2027", to: c.plan, as: actor, options: .followUp)
      }
    ),
    (
      "addComment",
      { f, c in try f.service.addComment("Bra", to: c.plan, as: actor, options: .followUp) }
    ),
    (
      "revisePlan",
      { f, c in try f.service.revisePlan(c.plan, evaluation: "Bra", as: actor, options: .followUp) }
    ),
    (
      "exportPlan",
      { f, c in _ = try f.service.exportPlan(c.plan, format: .html, as: actor, options: .followUp) }
    ),
    (
      "recordLifeDomainMapping",
      { f, _ in
        try f.service.recordLifeDomainMapping(
          recipient: f.recipient, scores: [.housing: .yellow], as: actor, options: .followUp)
      }
    ),
    (
      "lifeDomainScores",
      { f, _ in _ = try f.service.lifeDomainScores(of: f.recipient, as: actor, options: .followUp) }
    ),
    ("showGroup", { f, c in _ = try f.service.showGroup(c.group, as: actor, options: .followUp) }),
    (
      "groupHistory",
      { f, c in _ = try f.service.groupHistory(c.group, as: actor, options: .followUp) }
    ),
    (
      "addGroupMember",
      { f, c in
        try f.service.addGroupMember(
          .external(name: "Fiktiv Lærer", role: "lærer", organisation: nil, contact: nil),
          to: c.group, as: actor, options: .followUp)
      }
    ),
    (
      "addGroupMember (staff)",
      { f, c in
        try f.service.addGroupMember(
          .staff(StaffID(rawValue: "phr.caseworker")), to: c.group, as: actor, options: .followUp)
      }
    ),
    (
      "removeGroupMember",
      { f, c in
        try f.service.removeGroupMember(c.member, from: c.group, as: actor, options: .followUp)
      }
    ),
    (
      "planMeeting",
      { f, c in
        try f.service.planMeeting(
          try NewMeeting(plannedAt: f.clock.now), in: c.group, as: actor, options: .followUp)
      }
    ),
    (
      "recordMinutes",
      { f, c in
        try f.service.recordMinutes(
          try NewMinutes(text: "Referat", attendees: [c.member]), of: c.meeting, as: actor,
          options: .followUp)
      }
    ),
    (
      "completeActionItem",
      { f, c in try f.service.completeActionItem(c.item, as: actor, options: .followUp) }
    ),
    ("closeGroup", { f, c in try f.service.closeGroup(c.group, as: actor, options: .followUp) }),
  ]

  static func prepare() throws -> (ServiceFixture, GateSpyTests.DecisionSpy, Context) {
    nonisolated(unsafe) var spy: GateSpyTests.DecisionSpy?
    let fixture = try ServiceFixture { policies in
      let made = GateSpyTests.DecisionSpy(policies)
      spy = made
      return made
    }
    let service = fixture.service
    let (plan, _) = try fixture.activePlan()
    let goal = try service.addGoal(
      try NewGoal(domain: .housing, text: "Bolig"), to: plan, as: actor, options: .followUp)
    let measure = try service.addMeasure(
      try NewMeasure(
        description: "Samtaler", responsibleService: try ServiceCode("psykisk-helse-rus")),
      to: plan, as: actor, options: .followUp)
    let group = try service.createGroup(for: plan, as: actor, options: .followUp)
    let member = try service.addGroupMember(.recipient, to: group, as: actor, options: .followUp)
    let meeting = try service.planMeeting(
      try NewMeeting(plannedAt: fixture.clock.now), in: group, as: actor, options: .followUp)
    let items = try service.recordMinutes(
      try NewMinutes(
        text: "Første møte",
        actionItems: [.init(text: "Søke bolig", owner: member.id, due: .today(fixture.clock))]),
      of: meeting.id, as: actor, options: .followUp)
    let context = Context(
      plan: plan, goal: goal.id, measure: measure.id, group: group, member: member.id,
      meeting: meeting.id, item: try #require(items.id.first))
    return (fixture, try #require(spy), context)
  }

  @Test("every plan and group use case works when allowed", arguments: useCases.map(\.0))
  func allowed(_ name: String) throws {
    let (fixture, spy, context) = try Self.prepare()
    let run = try #require(Self.useCases.first { $0.0 == name }?.1)
    try GateSpyChecks.expectAsksAndAudits(name, fixture, spy) { try run(fixture, context) }
  }

  @Test(
    "under a decider that denies everything, no plan or group use case succeeds or writes",
    arguments: useCases.map(\.0))
  func denied(_ name: String) throws {
    let (fixture, spy, context) = try Self.prepare()
    let run = try #require(Self.useCases.first { $0.0 == name }?.1)
    try GateSpyChecks.expectDenyAllStops(name, fixture, spy) { try run(fixture, context) }
  }
}
