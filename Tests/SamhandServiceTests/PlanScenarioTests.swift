import Foundation
import SamhandCore
import SamhandService
import Testing

/// SCENARIOS.md S1 (up to the handover), S6 and the plan part of S7, driven through the
/// service API with the scenarios' fictional people. (The repository has no ScenarioTests
/// target yet; these move there, as `S1…`/`S6…`/`S7PlanTests`, when it exists.)
@Suite("Scenarios: plans and groups")
struct PlanScenarioTests {
  static let people: [(String, String, StaffRole)] = [
    ("siri.fjell", "psykisk-helse-rus", .coordinator), ("leif.berg", "nav", .caseworker),
    ("ane.moe", "fastlege", .clinician), ("jon.rud", "tsb", .clinician),
  ]

  let siri = ServiceFixture.actor("siri.fjell")
  let leif = ServiceFixture.actor("leif.berg")

  /// The fixture's municipality plus the scenario's staff.
  func municipality() throws -> ServiceFixture {
    let fixture = try ServiceFixture()
    for (id, service, role) in Self.people {
      try fixture.service.addStaff(
        id: StaffID(rawValue: id), name: id, services: [try ServiceCode(service)], roles: [role],
        by: ServiceFixture.osUser)
    }
    return fixture
  }

  /// S1 up to the referral: Per's plan, measures and group, as Siri builds them.
  struct PerDal {
    let recipient: RecipientID
    let consent: ConsentID
    let plan: PlanID
    let group: GroupID
  }

  func perDal(_ fixture: ServiceFixture) throws -> PerDal {
    let service = fixture.service
    let nationalID = try #require(
      NationalID.synthetic(year: 1992, month: 3, day: 14, individual: 512))
    let per = try service.registerRecipient(
      name: "Per Dal", nationalID: nationalID.digits,
      relatives: [NewRelative(name: "Datter Dal", relation: "datter", isChild: true)], as: siri)
    let consent = try service.addConsent(
      recipient: per,
      scope: .init(
        services: try ["psykisk-helse-rus", "nav", "fastlege", "tsb"].map { try ServiceCode($0) },
        categories: [.identity, .plan, .group, .handover]),
      purpose: "individuell plan og ansvarsgruppe", as: siri)
    let plan = try service.createPlan(
      recipient: per, coordinator: StaffID(rawValue: "siri.fjell"),
      content: try PlanContentChange(
        ownWords: "Jeg vil ha min egen leilighet og se datteren min",
        childrenNote: "Datteren (8) er vurdert; tilbud om barnesamtale gitt",
        nextRevision: CalendarDate.today(fixture.clock).adding(days: 90)), as: siri)
    try service.activatePlan(plan, as: siri)
    let housing = try service.addGoal(
      try NewGoal(domain: .housing, text: "Egen leilighet"), to: plan, as: siri)
    let substance = try service.addGoal(
      try NewGoal(domain: .substanceUse, text: "Rusfri hverdag"), to: plan, as: siri)
    let network = try service.addGoal(
      try NewGoal(domain: .network, text: "Samvær med datteren"), to: plan, as: siri)
    for (what, code, contact, goal) in [
      ("Økonomisk stønad", "nav", "leif.berg", housing.id),
      ("Medisinering", "fastlege", "ane.moe", substance.id),
      ("Ukentlige samtaler", "psykisk-helse-rus", "siri.fjell", network.id),
    ] {
      try service.addMeasure(
        try NewMeasure(
          description: what, responsibleService: try ServiceCode(code),
          contactPerson: StaffID(rawValue: contact), extent: "1 time per uke", goals: [goal]),
        to: plan, as: siri)
    }
    let group = try service.createGroup(for: plan, as: siri)
    var members: [GroupMemberID] = []
    for staff in ["leif.berg", "ane.moe"] {
      members.append(
        try service.addGroupMember(.staff(StaffID(rawValue: staff)), to: group, as: siri).id)
    }
    members.append(try service.addGroupMember(.recipient, to: group, as: siri).id)
    let meeting = try service.planMeeting(
      try NewMeeting(plannedAt: fixture.clock.now, agenda: "Bolig og inntekt"), in: group,
      as: siri)
    try service.recordMinutes(
      try NewMinutes(
        text: "Første møte i ansvarsgruppen", attendees: members,
        decisions: ["NAV behandler søknad om stønad"],
        actionItems: [
          .init(
            text: "Behandle søknad", owner: members[0],
            due: CalendarDate.today(fixture.clock).adding(days: 14))
        ]), of: meeting.id, as: siri)
    return PerDal(recipient: per, consent: consent, plan: plan, group: group)
  }

  @Test("S1: Siri builds Per's plan and group; TSB sees nothing before a referral")
  func s1() throws {
    let fixture = try municipality()
    let per = try perDal(fixture)
    let plan = try fixture.service.showPlan(per.plan, as: siri)
    #expect(plan.status == .active)
    #expect(plan.coordinator == StaffID(rawValue: "siri.fjell"))
    #expect(Set(plan.goals.map(\.domain)) == [.housing, .substanceUse, .network])
    #expect(
      plan.measures.map(\.responsibleService.rawValue) == ["nav", "fastlege", "psykisk-helse-rus"])
    #expect(plan.content.childrenNote.value != nil, "follow-up of the child is considered")
    let child = try fixture.service.showRecipient(per.recipient, as: siri).relatives
    #expect(child.map(\.isChild) == [true])
    #expect(try fixture.service.showPlan(per.plan, as: leif).id == per.plan)
    #expect(
      try fixture.service.showPlan(per.plan, as: ServiceFixture.actor("ane.moe")).id == per.plan)
    let jon = ServiceFixture.actor("jon.rud")
    #expect(throws: ServiceError.notFound(kind: "plan", id: per.plan.rawValue)) {
      try fixture.service.showPlan(per.plan, as: jon)
    }
    let group = try fixture.service.showGroup(per.group, as: leif)
    #expect(group.meetings.first?.isHeld == true)
    #expect(group.nextMeetingDue == CalendarDate.today(fixture.clock).adding(months: 3))
    let document = try fixture.service.exportPlan(per.plan, format: .markdown, as: siri)
    #expect(document.contains("Jeg vil ha min egen leilighet og se datteren min"))
  }

  @Test("S6: Jonas's substance contract with its elements; the group meets with action items")
  func s6() throws {
    let fixture = try municipality()
    let service = fixture.service
    let nationalID = try #require(
      NationalID.synthetic(year: 2010, month: 6, day: 2, individual: 301))
    let jonas = try service.registerRecipient(
      name: "Jonas Vik", nationalID: nationalID.digits, as: siri)
    _ = try service.addConsent(
      recipient: jonas,
      scope: .init(
        services: [try ServiceCode("psykisk-helse-rus"), try ServiceCode("nav")],
        categories: [.identity, .plan, .group]),
      purpose: "ruskontrakt som alternativ til straff", givenBy: .guardian, as: siri)
    let plan = try service.createPlan(
      recipient: jonas, coordinator: StaffID(rawValue: "siri.fjell"), as: siri)
    try service.activatePlan(plan, as: siri)
    let goal = try service.addGoal(
      try NewGoal(domain: .substanceUse, text: "Holde meg rusfri"), to: plan, as: siri)
    try service.addMeasure(
      try NewMeasure(
        kind: .contract, description: "Ruskontrakt i 6 måneder",
        responsibleService: try ServiceCode("psykisk-helse-rus"), goals: [goal.id],
        elements: [
          .init(kind: .urineTest, frequency: "hver 14. dag"), .init(kind: .group),
          .init(kind: .followUpTalk, frequency: "månedlig"),
        ]), to: plan, as: siri)
    let contract = try #require(try service.showPlan(plan, as: siri).measures.first)
    #expect(contract.kind == .contract)
    #expect(contract.elements.map(\.kind) == [.urineTest, .group, .followUpTalk])
    #expect(
      contract.elements.map(\.frequency) == [
        .value("hver 14. dag"), .value(nil), .value("månedlig"),
      ])
    let group = try service.createGroup(for: plan, meetingIntervalMonths: 1, as: siri)
    let jonasMember = try service.addGroupMember(.recipient, to: group, as: siri)
    let guardian = try service.addGroupMember(
      .external(name: "Fiktiv Verge", role: "verge", organisation: nil, contact: "900 00 000"),
      to: group, as: siri)
    let meeting = try service.planMeeting(
      try NewMeeting(plannedAt: fixture.clock.now), in: group, as: siri)
    let due = CalendarDate.today(fixture.clock).adding(days: 14)
    try service.recordMinutes(
      try NewMinutes(
        text: "Kontrakten gjennomgått", attendees: [jonasMember.id, guardian.id],
        actionItems: [
          .init(text: "Avtale første urinprøve", owner: jonasMember.id, due: due),
          .init(text: "Melde fra til skolen", owner: guardian.id, due: due),
        ]), of: meeting.id, as: siri)
    let items = try #require(try service.showGroup(group, as: siri).meetings.first).actionItems
    #expect(items.map(\.owner) == [jonasMember.id, guardian.id])
    #expect(items.allSatisfy { $0.due == due })
  }

  @Test("S7 (plan part): Per withdraws consent for NAV; NAV's next request is denied and logged")
  func s7() throws {
    let fixture = try municipality()
    let per = try perDal(fixture)
    #expect(try fixture.service.showPlan(per.plan, as: leif).status == .active)
    try fixture.service.withdrawConsent(per.consent, as: siri)
    _ = try fixture.service.addConsent(
      recipient: per.recipient,
      scope: .init(
        services: try ["psykisk-helse-rus", "fastlege", "tsb"].map { try ServiceCode($0) },
        categories: [.identity, .plan, .group, .handover]), purpose: "uten NAV", as: siri)
    #expect(throws: ServiceError.notFound(kind: "plan", id: per.plan.rawValue)) {
      try fixture.service.showPlan(per.plan, as: leif)
    }
    #expect(try fixture.lastEntry(action: "plan.show")?.decision == "deny")
    #expect(throws: ServiceError.notFound(kind: "responsibility group", id: per.group.rawValue)) {
      try fixture.service.showGroup(per.group, as: leif)
    }
    #expect(try fixture.lastEntry(action: "group.show")?.decision == "deny")
    try fixture.service.revisePlan(per.plan, evaluation: "Fortsetter uten NAV", as: siri)
    #expect(try fixture.service.showPlan(per.plan, as: siri).revisions.count == 1)
    #expect(
      try fixture.service.showPlan(per.plan, as: ServiceFixture.actor("ane.moe")).status == .active)
  }
}
