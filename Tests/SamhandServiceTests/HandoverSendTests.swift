import Foundation
import SamhandCore
import SamhandService
import Testing

/// Sending a draft proposes it, and checks then what proposing checks: what held when the
/// draft was made may no longer hold when it is sent.
@Suite("Handovers: sending a draft")
struct HandoverSendTests {
  let coordinator = ServiceFixture.coordinator

  func draft(
    _ fixture: ServiceFixture, mode: String = "referral", to staff: String = "nav.caseworker"
  ) throws -> HandoverID {
    var proposal = fixture.proposal("service-transfer", mode: mode, to: staff)
    proposal.draft = true
    return try fixture.service.proposeHandover(proposal, as: coordinator, options: .followUp).id
  }

  @Test("a sent draft is proposed: the receiver sees it and may accept it")
  func sendProposes() throws {
    let fixture = try ServiceFixture()
    _ = try fixture.consent(["nav"], [.identity, .handover])
    let id = try draft(fixture, mode: "transfer")
    #expect(!fixture.canSee("nav.caseworker", id))
    let sent = try fixture.service.sendHandover(
      id, expectedVersion: 1, as: coordinator, options: .followUp)
    #expect(sent.version == 2)
    #expect(fixture.canSee("nav.caseworker", id))
    try fixture.service.acceptHandover(id, as: ServiceFixture.nav, options: .followUp)
    #expect(try fixture.holder(as: ServiceFixture.nav) == StaffID(rawValue: "nav.caseworker"))
    let record = try fixture.service.showHandover(id, as: coordinator, options: .followUp)
    #expect(record.history.map(\.event) == ["draft", "propose", "accept"])
  }

  @Test("a consent withdrawn after the draft was made refuses the send, until one covers it")
  func consentCheckedWhenSent() throws {
    let fixture = try ServiceFixture()
    let consent = try fixture.consent(["nav"], [.identity, .handover])
    let id = try draft(fixture)
    try fixture.service.withdrawConsent(consent, as: coordinator, options: .followUp)
    try fixture.expectRefused("consent does not cover service nav for identity and handover") {
      try fixture.service.sendHandover(id, as: coordinator, options: .followUp)
    }
    _ = try fixture.consent(["nav"], [.identity, .handover])
    try fixture.service.sendHandover(id, as: coordinator, options: .followUp)
    #expect(fixture.canSee("nav.caseworker", id))
  }

  @Test("a drafted transfer is checked against who holds responsibility when it is sent")
  func transferCheckedAgainstCurrentHolder() throws {
    let fixture = try ServiceFixture()
    _ = try fixture.consent(["nav", "tsb"], [.identity, .handover])
    let id = try draft(fixture, mode: "transfer")
    let moved = try fixture.propose(mode: "transfer", to: "tsb.clinician")
    try fixture.service.acceptHandover(
      moved, as: ServiceFixture.actor("tsb.clinician"), options: .followUp)
    try fixture.expectRefused("only the holder of responsibility (tsb.clinician)") {
      try fixture.service.sendHandover(id, as: coordinator, options: .followUp)
    }
  }

  @Test("only the sender sends: the receiver and a third party are refused by the gate")
  func gateDecides() throws {
    let fixture = try ServiceFixture()
    _ = try fixture.consent(["nav"], [.identity, .handover])
    let id = try draft(fixture)
    for other in ["nav.caseworker", "gp.clinician"] {
      try fixture.expectRefused("no handover \(id)") {
        try fixture.service.sendHandover(
          id, as: ServiceFixture.actor(other), options: .followUp)
      }
    }
    try fixture.expectRefused("has changed (version 1, you edited version 2)") {
      try fixture.service.sendHandover(
        id, expectedVersion: 2, as: coordinator, options: .followUp)
    }
  }
}
