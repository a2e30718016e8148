import Foundation
import SamhandCore
import SamhandService
import SamhandTestSupport
import Testing

/// Handovers through the service: responsibility stays with the sender until a transfer is
/// accepted and moves with it (invariants 5 and 6); referrals share access for the purpose;
/// the receiver gains a care relationship while the handover is open and loses it after.
@Suite("Handovers: lifecycle, responsibility and access")
struct HandoverLifecycleTests {
  let coordinator = ServiceFixture.coordinator

  @Test("a referral to TSB: the plan is visible to TSB only after it, and only what is consented")
  func referralGivesAccess() throws {
    let fixture = try ServiceFixture()
    let (plan, _) = try fixture.activePlan()
    let group = try fixture.service.createGroup(for: plan, as: coordinator, options: .followUp)
    _ = try fixture.consent(["tsb"], [.identity, .plan, .handover])
    let tsb = ServiceFixture.actor("tsb.clinician")
    #expect(throws: ServiceError.self) {
      try fixture.service.showPlan(plan, as: tsb, options: .followUp)
    }
    let id = try fixture.propose(to: "tsb.clinician")
    #expect(try fixture.service.showPlan(plan, as: tsb, options: .followUp).id == plan)
    #expect(fixture.canSee("tsb.clinician", id))
    // The group is in no consent for TSB: the relationship does not widen the consent.
    #expect(throws: ServiceError.self) {
      try fixture.service.showGroup(group, as: tsb, options: .followUp)
    }
    try fixture.service.acceptHandover(id, as: tsb, options: .followUp)
    #expect(try fixture.holder() == ServiceFixture.holder)
    #expect(
      try fixture.service.showPlan(plan, as: coordinator, options: .followUp).coordinator
        == ServiceFixture.holder)
    let record = try fixture.service.showHandover(id, as: tsb, options: .followUp)
    #expect(record.handover.state == .accepted)
    #expect(record.history.map(\.event) == ["propose", "accept"])
  }

  @Test("a transfer moves holder and plan coordinator together on acceptance, not before")
  func transferMovesResponsibility() throws {
    let fixture = try ServiceFixture()
    let (plan, _) = try fixture.activePlan()
    _ = try fixture.consent(["nav"], [.identity, .handover])
    let before = try fixture.service.showPlan(plan, as: coordinator, options: .followUp).version
    let id = try fixture.propose("coordinator-change", mode: "transfer", to: "nav.caseworker")
    #expect(try fixture.holder() == ServiceFixture.holder)
    let accepted = try fixture.service.acceptHandover(
      id, expectedVersion: 1, as: ServiceFixture.nav, options: .followUp)
    #expect(accepted.version == 2)
    let nav = StaffID(rawValue: "nav.caseworker")
    let holder = try fixture.service.responsibilityHolder(
      of: fixture.recipient, as: ServiceFixture.nav, options: .followUp)
    #expect(holder.staff == nav)
    #expect(holder.service.rawValue == "nav")
    #expect(holder.viaHandover == id)
    let shown = try fixture.service.showPlan(plan, as: ServiceFixture.nav, options: .followUp)
    #expect(shown.coordinator == nav)
    #expect(shown.version == before + 1)
    #expect(shown.coordinators.map(\.staffID) == [ServiceFixture.holder, nav])
  }

  @Test("rejection needs a reason, leaves responsibility, and ends the receiver's access")
  func rejectionLeavesResponsibility() throws {
    let fixture = try ServiceFixture()
    _ = try fixture.consent(["nav"], [.identity, .handover])
    let id = try fixture.propose("service-transfer", mode: "transfer", to: "nav.caseworker")
    try fixture.expectRefused("a rejection needs a reason") {
      try fixture.service.rejectHandover(
        id, category: .noCapacity, reason: "  ", as: ServiceFixture.nav, options: .followUp)
    }
    try fixture.service.rejectHandover(
      id, category: .noCapacity, reason: "Ingen kapasitet før mars", as: ServiceFixture.nav,
      options: .followUp)
    #expect(try fixture.holder() == ServiceFixture.holder)
    #expect(!fixture.canSee("nav.caseworker", id))
    let record = try fixture.service.showHandover(id, as: coordinator, options: .followUp)
    #expect(record.reason == .value("Ingen kapasitet før mars"))
    #expect(record.rejectionCategory == .noCapacity)
    #expect(record.handover.state == .rejected)
  }

  @Test("withdrawal is the sender's, leaves responsibility, and ends the receiver's access")
  func withdrawal() throws {
    let fixture = try ServiceFixture()
    _ = try fixture.consent(["nav"], [.identity, .handover])
    let id = try fixture.propose(mode: "transfer", to: "nav.caseworker")
    try fixture.expectRefused("only the sending side may withdraw") {
      try fixture.service.withdrawHandover(id, as: ServiceFixture.nav, options: .followUp)
    }
    try fixture.service.withdrawHandover(
      id, reason: "Feil mottaker", as: coordinator, options: .followUp)
    #expect(try fixture.holder() == ServiceFixture.holder)
    #expect(!fixture.canSee("nav.caseworker", id))
    try fixture.expectRefused("cannot be accepted") {
      try fixture.service.acceptHandover(id, as: coordinator, options: .followUp)
    }
  }

  @Test("a proposal to a service with no one named: its care staff may accept, and become holder")
  func serviceOnlyReceiver() throws {
    let fixture = try ServiceFixture()
    _ = try fixture.consent(["nav"], [.identity, .handover])
    let id = try fixture.propose("relocation", mode: "transfer", to: nil, service: "nav")
    #expect(fixture.canSee("nav.other", id))
    #expect(!fixture.canSee("gp.clinician", id))
    let inbox = try fixture.service.handoverInbox(
      as: ServiceFixture.actor("nav.other"), options: .followUp)
    #expect(inbox.incomingForService.map(\.handover.id) == [id])
    #expect(inbox.incoming.isEmpty)
    try fixture.service.acceptHandover(
      id, as: ServiceFixture.actor("nav.other"), options: .followUp)
    #expect(try fixture.holder() == StaffID(rawValue: "nav.other"))
  }

  @Test("consent withdrawn: the receiver sees nothing of the handover, on the next request")
  func consentWithdrawn() throws {
    let fixture = try ServiceFixture()
    let consent = try fixture.consent(["tsb"], [.identity, .plan, .handover])
    let id = try fixture.propose(to: "tsb.clinician")
    #expect(fixture.canSee("tsb.clinician", id))
    try fixture.service.withdrawConsent(consent, as: coordinator, options: .followUp)
    #expect(!fixture.canSee("tsb.clinician", id))
    let inbox = try fixture.service.handoverInbox(
      as: ServiceFixture.actor("tsb.clinician"), options: .followUp)
    #expect(inbox.incoming.isEmpty)
    try fixture.expectRefused("no handover \(id)") {
      try fixture.service.acceptHandover(
        id, as: ServiceFixture.actor("tsb.clinician"), options: .followUp)
    }
  }

  @Test("a stale version is refused and changes nothing")
  func staleVersion() throws {
    let fixture = try ServiceFixture()
    _ = try fixture.consent(["nav"], [.identity, .handover])
    let id = try fixture.propose(to: "nav.caseworker")
    try fixture.service.markChecklistItem(id, item: "housing", as: coordinator, options: .followUp)
    try fixture.expectRefused("has changed (version 2, you edited version 1)") {
      try fixture.service.acceptHandover(
        id, expectedVersion: 1, as: ServiceFixture.nav, options: .followUp)
    }
  }

  @Test("a plan's coordinator is the holder: another name is refused, pointing to a handover")
  func planCoordinatorIsHolder() throws {
    let fixture = try ServiceFixture()
    try fixture.service.assign(
      StaffID(rawValue: "phr.caseworker"), to: fixture.recipient, as: coordinator,
      options: .followUp)
    try fixture.expectRefused("propose a coordinator-change handover") {
      _ = try fixture.service.createPlan(
        recipient: fixture.recipient, coordinator: StaffID(rawValue: "phr.caseworker"),
        as: coordinator, options: .followUp)
    }
  }
}
