import Foundation
import SamhandCore
import SamhandService
import Testing

@Suite("Who sees plans and groups")
struct PlanAccessTests {
  let coordinator = ServiceFixture.coordinator
  let nav = ServiceFixture.nav

  /// An active plan and group with nav.caseworker as a staff member of the group.
  func withNAVInGroup(_ fixture: ServiceFixture) throws -> (PlanID, GroupID, ConsentID) {
    let (plan, consent) = try fixture.activePlan()
    let group = try fixture.service.createGroup(for: plan, as: coordinator, options: .followUp)
    try fixture.service.addGroupMember(
      .staff(StaffID(rawValue: "nav.caseworker")), to: group, as: coordinator, options: .followUp)
    return (plan, group, consent)
  }

  @Test("a group member of another service sees the plan and the group under the consent")
  func memberSees() throws {
    let fixture = try ServiceFixture()
    let (plan, group, _) = try withNAVInGroup(fixture)
    #expect(try fixture.service.showPlan(plan, as: nav, options: .followUp).id == plan)
    #expect(
      try fixture.service.showGroup(group, as: nav, options: .followUp).leader.rawValue
        == "phr.coordinator")
  }

  @Test("staff outside the group and the consent see nothing, as if the plan did not exist")
  func outsiderSeesNothing() throws {
    let fixture = try ServiceFixture()
    let (plan, group, _) = try withNAVInGroup(fixture)
    for outsider in ["nav.other", "gp.clinician", "tsb.clinician", "phr.auditor"] {
      let actor = ServiceFixture.actor(outsider)
      #expect(throws: ServiceError.notFound(kind: "plan", id: plan.rawValue)) {
        try fixture.service.showPlan(plan, as: actor, options: .followUp)
      }
      #expect(throws: ServiceError.notFound(kind: "responsibility group", id: group.rawValue)) {
        try fixture.service.showGroup(group, as: actor, options: .followUp)
      }
    }
    #expect(
      throws: ServiceError.notFound(kind: "plan", id: "p-missing"),
      "a missing plan reads the same"
    ) {
      try fixture.service.showPlan(
        PlanID(rawValue: "p-missing"), as: ServiceFixture.actor("nav.other"), options: .followUp)
    }
  }

  @Test(
    "consent withdrawn: the plan disappears for NAV on the next request, stays for the coordinator")
  func withdrawal() throws {
    let fixture = try ServiceFixture()
    let (plan, group, consent) = try withNAVInGroup(fixture)
    #expect(try fixture.service.showPlan(plan, as: nav, options: .followUp).status == .active)
    try fixture.service.withdrawConsent(consent, as: coordinator, options: .followUp)
    #expect(throws: ServiceError.notFound(kind: "plan", id: plan.rawValue)) {
      try fixture.service.showPlan(plan, as: nav, options: .followUp)
    }
    #expect(throws: ServiceError.notFound(kind: "responsibility group", id: group.rawValue)) {
      try fixture.service.showGroup(group, as: nav, options: .followUp)
    }
    #expect(try fixture.lastEntry(action: "plan.show")?.decision == "deny")
    #expect(
      try fixture.lastEntry(action: "plan.show")?.policies == [
        "global-forbid-cross-service-without-consent",
        "global-forbid-cross-service-without-identity-consent",
      ])
    #expect(
      try fixture.service.showPlan(plan, as: coordinator, options: .followUp).status == .active)
  }

  @Test("adding a staff member of a service the consent does not cover is refused")
  func memberNeedsConsent() throws {
    let fixture = try ServiceFixture()
    let (plan, _) = try fixture.activePlan(services: ["nav"])
    let group = try fixture.service.createGroup(for: plan, as: coordinator, options: .followUp)
    try fixture.expectRefused("no responsibility group") {
      try fixture.service.addGroupMember(
        .staff(StaffID(rawValue: "gp.clinician")), to: group, as: coordinator, options: .followUp)
    }
    #expect(
      try fixture.lastEntry(action: "group.member.add")?.policies == [
        "global-forbid-assign-target-without-consent"
      ])
  }

  @Test("the active plan's coordinator and the group's staff are in the caseload")
  func caseload() throws {
    let fixture = try ServiceFixture()
    _ = try withNAVInGroup(fixture)
    #expect(
      try fixture.service.caseload(as: nav, options: .followUp).items.map(\.id)
        == [fixture.recipient])
    #expect(
      try fixture.service.caseload(as: ServiceFixture.actor("nav.other"), options: .followUp)
        .items.isEmpty)
  }
}
