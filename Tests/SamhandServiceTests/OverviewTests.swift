import Foundation
import SamhandCore
import SamhandService
import SamhandTestSupport
import Testing

/// The coordinating unit's overview of plans (DOMAIN L8): every plan, no case content, for the
/// unit only, audited for exactly the recipients it returns (DESIGN invariant 1, lists).
@Suite("The coordinating unit's overview of plans")
struct OverviewTests {
  @Test("the unit sees every plan with status, service, coordinator and no case content")
  func unitSeesEveryPlan() throws {
    let fixture = try ServiceFixture()
    try fixture.addCoordinatingUnit()
    let (plan, _) = try fixture.activePlan()
    try fixture.service.updatePlan(
      plan, try PlanContentChange(nextRevision: CalendarDate(parsing: "2020-01-01")),
      as: ServiceFixture.coordinator, options: .followUp)
    let (navRecipient, navPlan) = try fixture.navRecipientWithPlan()
    let group = try fixture.service.createGroup(
      for: plan, as: ServiceFixture.coordinator, options: .followUp)

    let entries = try fixture.service.planOverview(
      as: ServiceFixture.unitCoordinator, options: .followUp
    ).items
    #expect(entries.map(\.planID) == [plan, navPlan])
    let first = try #require(entries.first)
    #expect(first.recipientID == fixture.recipient)
    #expect(first.status == .active)
    #expect(first.service.rawValue == "psykisk-helse-rus")
    #expect(first.coordinator.rawValue == "phr.coordinator")
    #expect(first.revisionOverdue)
    #expect(first.group?.id == group && first.group?.status == .active)
    let second = try #require(entries.last)
    #expect(second.recipientID == navRecipient && second.status == .draft)
    #expect(second.service.rawValue == "nav" && second.registeredBy.rawValue == "nav")
    #expect(second.group == nil && !second.revisionOverdue)
    let json = String(decoding: try JSONEncoder().encode(entries), as: UTF8.self)
    for secret in ["Fiktiv", "leilighet", "arbeid", fixture.nationalID.digits] {
      #expect(!json.contains(secret), "the overview shows no case content")
    }
  }

  @Test("filters by status and by the service holding responsibility")
  func filters() throws {
    let fixture = try ServiceFixture()
    try fixture.addCoordinatingUnit()
    let (plan, _) = try fixture.activePlan()
    let (_, navPlan) = try fixture.navRecipientWithPlan()
    let unit = ServiceFixture.unitLeader
    #expect(
      try fixture.service.planOverview(status: "active", as: unit, options: .followUp).items
        .map(\.planID) == [plan])
    #expect(
      try fixture.service.planOverview(service: "nav", as: unit, options: .followUp).items
        .map(\.planID) == [navPlan])
    #expect(
      try fixture.service.planOverview(
        status: "closed", service: "nav", as: unit, options: .followUp
      ).items.isEmpty)
    try fixture.expectRefused("unknown plan status 'open'") {
      _ = try fixture.service.planOverview(status: "open", as: unit, options: .followUp)
    }
    try fixture.expectRefused("invalid service code") {
      _ = try fixture.service.planOverview(service: "NAV!", as: unit, options: .followUp)
    }
  }

  @Test(
    "staff outside the unit, and its clinicians and auditors, are refused with a 403, audited",
    arguments: ["phr.coordinator", "nav.caseworker", "phr.auditor", "ke.clinician", "ke.auditor"])
  func othersAreRefused(_ staff: String) throws {
    let fixture = try ServiceFixture()
    try fixture.addCoordinatingUnit()
    _ = try fixture.activePlan()
    let actor = ServiceFixture.actor(staff)
    let before = try fixture.service.auditHeadSequence()
    #expect(throws: ServiceError.forbidden("the coordinating unit's overview")) {
      try fixture.service.planOverview(as: actor, options: .followUp)
    }
    #expect(throws: ServiceError.forbidden("the coordinating unit's overview")) {
      try fixture.service.notices(as: actor, options: .followUp)
    }
    let written = try fixture.service.auditEntries(after: before)
    #expect(written.map(\.action) == ["overview.plans", "overview.notices"])
    #expect(written.allSatisfy { $0.decision == "deny" && $0.recipient == nil })
  }

  @Test("without a purpose the overview is refused like any look")
  func purposeRequired() throws {
    let fixture = try ServiceFixture()
    try fixture.addCoordinatingUnit()
    #expect(throws: ServiceError.purposeRequired) {
      try fixture.service.planOverview(
        as: ServiceFixture.unitCoordinator, options: RequestOptions(purpose: nil))
    }
  }

  @Test("a block of the unit hides the recipient; the overview logs exactly what it returns")
  func auditsExactlyWhatItReturns() throws {
    let fixture = try ServiceFixture()
    try fixture.addCoordinatingUnit()
    _ = try fixture.activePlan()
    let (navRecipient, navPlan) = try fixture.navRecipientWithPlan()
    _ = try fixture.service.addBlock(
      recipient: fixture.recipient, target: .service(try ServiceCode("koordinerende-enhet")),
      categories: [.plan], as: ServiceFixture.coordinator, options: .followUp)
    let before = try fixture.service.auditHeadSequence()
    let page = try fixture.service.planOverview(
      as: ServiceFixture.unitCoordinator, options: .followUp)
    #expect(page.items.map(\.planID) == [navPlan])
    let written = try fixture.service.auditEntries(after: before)
    #expect(written.compactMap(\.recipient) == [navRecipient.rawValue])
    #expect(written.filter { $0.recipient == nil }.count == 1, "one entry for the list itself")
    #expect(written.allSatisfy { $0.action == "overview.plans" && $0.decision == "allow" })
  }

  @Test("pages: each page logs only the recipients on it, and the cursor continues")
  func pages() throws {
    let fixture = try ServiceFixture()
    try fixture.addCoordinatingUnit()
    let (plan, _) = try fixture.activePlan()
    let (navRecipient, navPlan) = try fixture.navRecipientWithPlan()
    let unit = ServiceFixture.unitCoordinator
    let before = try fixture.service.auditHeadSequence()
    let first = try fixture.service.planOverview(
      page: ListPageRequest(limit: 1), as: unit, options: .followUp)
    #expect(first.items.map(\.planID) == [plan])
    #expect(
      try fixture.service.auditEntries(after: before).compactMap(\.recipient) == [
        fixture.recipient.rawValue
      ])
    let middle = try fixture.service.auditHeadSequence()
    let second = try fixture.service.planOverview(
      page: ListPageRequest(after: first.next, limit: 1), as: unit, options: .followUp)
    #expect(second.items.map(\.planID) == [navPlan])
    #expect(
      try fixture.service.auditEntries(after: middle).compactMap(\.recipient) == [
        navRecipient.rawValue
      ])
    try fixture.expectRefused("not a position in the overview") {
      _ = try fixture.service.planOverview(
        page: ListPageRequest(after: "x", limit: 1), as: unit, options: .followUp)
    }
  }
}
