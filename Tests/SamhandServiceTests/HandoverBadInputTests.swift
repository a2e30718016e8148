import Foundation
import SamhandCore
import SamhandService
import SamhandTestSupport
import Testing

/// Bad handover input: each refused with a one-line message saying what is wrong, nothing
/// changed, and the attempt audited (`expectRefused` checks all three).
@Suite("Handovers: bad input")
struct HandoverBadInputTests {
  let coordinator = ServiceFixture.coordinator

  /// A fixture whose recipient consented to nav for identity and handover.
  func fixture() throws -> ServiceFixture {
    let fixture = try ServiceFixture()
    _ = try fixture.consent(["nav"], [.identity, .handover])
    return fixture
  }

  @Test(
    "proposals refused before anything is stored",
    arguments: [
      (
        "unknown kind", "holiday", "referral", "nav.caseworker", nil, 10,
        "unknown handover kind 'holiday'"
      ),
      (
        "unknown mode", "relocation", "handoff", "nav.caseworker", nil, 10,
        "unknown handover mode 'handoff'"
      ),
      (
        "planned date in the past", "relocation", "referral", "nav.caseworker", nil, -1,
        "the planned date is in the past"
      ),
      (
        "to oneself", "relocation", "referral", "phr.coordinator", nil, 10,
        "a handover needs a receiver other than the sender"
      ),
      (
        "unknown staff", "relocation", "referral", "nobody.here", nil, 10,
        "unknown or deactivated staff member 'nobody.here'"
      ),
      (
        "unknown service", "relocation", "referral", nil, "fengsel", 10,
        "unknown service 'fengsel'"
      ),
      (
        "staff not in the named service", "relocation", "referral", "nav.caseworker", "tsb", 10,
        "nav.caseworker does not work in service tsb"
      ),
      ("no receiver", "relocation", "referral", nil, nil, 10, "name the receiver"),
      (
        "coordinator change as referral", "coordinator-change", "referral", "nav.caseworker", nil,
        10, "a coordinator-change is a transfer to a named staff member"
      ),
      (
        "consent not covering the receiver", "relocation", "referral", "gp.clinician", nil, 10,
        "the recipient's consent does not cover service fastlege for identity and handover; "
          + "record a consent that covers it first"
      ),
    ] as [(String, String, String, String?, String?, Int, String)])
  func refusedProposals(
    _ name: String, _ kind: String, _ mode: String, _ staff: String?, _ service: String?,
    _ days: Int, _ message: String
  ) throws {
    let fixture = try fixture()
    try fixture.expectRefused(message) {
      _ = try fixture.service.proposeHandover(
        fixture.proposal(kind, mode: mode, to: staff, service: service, inDays: days),
        as: coordinator, options: .followUp)
    }
  }

  @Test("a leader may propose a transfer for the holder, but not to the holder")
  func transferToHolder() throws {
    let fixture = try fixture()
    try fixture.service.addStaff(
      id: StaffID(rawValue: "phr.leader"), name: "Test leder",
      services: [try ServiceCode("psykisk-helse-rus")], roles: [.leader], by: ServiceFixture.osUser)
    let leader = ServiceFixture.actor("phr.leader")
    try fixture.expectRefused("phr.coordinator already holds responsibility") {
      _ = try fixture.service.proposeHandover(
        fixture.proposal("coordinator-change", mode: "transfer", to: "phr.coordinator"),
        as: leader, options: .followUp)
    }
    let id = try fixture.propose(
      "coordinator-change", mode: "transfer", to: "nav.caseworker", as: leader)
    try fixture.service.acceptHandover(id, as: ServiceFixture.nav, options: .followUp)
    #expect(
      try fixture.holder(as: ServiceFixture.nav)
        == StaffID(rawValue: "nav.caseworker"))
  }

  @Test("a transfer proposed by someone who does not hold responsibility is refused")
  func transferByNonHolder() throws {
    let fixture = try fixture()
    try fixture.expectRefused("only the holder of responsibility (phr.coordinator)") {
      _ = try fixture.service.proposeHandover(
        fixture.proposal("relocation", mode: "transfer", to: "nav.caseworker"),
        as: ServiceFixture.actor("phr.caseworker"), options: .followUp)
    }
  }

  @Test("only the receiving side accepts: a third party and the sender are refused")
  func acceptByWrongParty() throws {
    let fixture = try fixture()
    let id = try fixture.propose("relocation", mode: "transfer", to: "nav.caseworker")
    try fixture.expectRefused(
      "only the receiving side may accept this handover (you are the sender)"
    ) {
      try fixture.service.acceptHandover(id, as: coordinator, options: .followUp)
    }
    try fixture.expectRefused("(you are the third-party)") {
      try fixture.service.acceptHandover(
        id, as: ServiceFixture.actor("phr.caseworker"), options: .followUp)
    }
    // Someone with no relationship at all learns nothing: the handover "does not exist".
    try fixture.expectRefused("no handover \(id)") {
      try fixture.service.acceptHandover(
        id, as: ServiceFixture.actor("nav.other"), options: .followUp)
    }
    #expect(try fixture.holder() == ServiceFixture.holder)
  }

  @Test("an unknown handover id reads as not found")
  func unknownHandover() throws {
    let fixture = try fixture()
    try fixture.expectRefused("no handover h-none") {
      try fixture.service.acceptHandover(
        HandoverID(rawValue: "h-none"), as: coordinator, options: .followUp)
    }
  }

  @Test("checklist: unknown item, third party and a final handover are refused")
  func checklistRefusals() throws {
    let fixture = try fixture()
    let id = try fixture.propose(to: "nav.caseworker")
    try fixture.expectRefused("no checklist item 'pets'") {
      try fixture.service.markChecklistItem(id, item: "pets", as: coordinator, options: .followUp)
    }
    try fixture.expectRefused("only the sending or receiving side may edit the checklist") {
      try fixture.service.markChecklistItem(
        id, item: "housing", as: ServiceFixture.actor("phr.caseworker"), options: .followUp)
    }
    try fixture.expectRefused("the checklist item needs a text") {
      try fixture.service.addChecklistItem(id, label: " ", as: coordinator, options: .followUp)
    }
    try fixture.service.withdrawHandover(id, as: coordinator, options: .followUp)
    try fixture.expectRefused("its checklist no longer changes") {
      try fixture.service.markChecklistItem(
        id, item: "housing", as: coordinator, options: .followUp)
    }
  }
}
