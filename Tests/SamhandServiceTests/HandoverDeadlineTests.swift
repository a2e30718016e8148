import Foundation
import SamhandCore
import SamhandService
import SamhandTestSupport
import Testing

/// Late notice and overdue at their exact boundaries, on the service's injected clock.
@Suite("Handovers: late notice and overdue")
struct HandoverDeadlineTests {
  @Test(
    "late notice: fewer than 14 days ahead for discharge and prison release only",
    arguments: [
      ("discharge-to-aftercare", 13, true), ("discharge-to-aftercare", 14, false),
      ("prison-release", 0, true), ("prison-release", 13, true), ("prison-release", 14, false),
      ("relocation", 1, false), ("turning-18", 13, false),
    ] as [(String, Int, Bool)])
  func lateNotice(kind: String, days: Int, late: Bool) throws {
    let fixture = try ServiceFixture()
    _ = try fixture.consent(["nav"], [.identity, .handover])
    let id = try fixture.propose(kind, to: "nav.caseworker", inDays: days)
    let inbox = try fixture.service.handoverInbox(as: ServiceFixture.nav, options: .followUp)
    let entry = try #require(inbox.incoming.first { $0.handover.id == id })
    #expect(entry.isLateNotice == late)
    let outgoing = try fixture.service.handoverInbox(
      as: ServiceFixture.coordinator, options: .followUp
    ).outgoing
    #expect(outgoing.first { $0.handover.id == id }?.isLateNotice == late)
  }

  @Test("overdue from the day after the planned date, for both sides, until accepted")
  func overdue() throws {
    let fixture = try ServiceFixture()
    _ = try fixture.consent(["nav"], [.identity, .handover])
    let id = try fixture.propose("turning-18", mode: "transfer", to: "nav.caseworker", inDays: 2)
    func overdue(_ actor: Actor) throws -> Bool {
      try fixture.service.handoverInbox(as: actor, options: .followUp).overdue.contains {
        $0.handover.id == id
      }
    }
    fixture.clock.advance(days: 2)
    #expect(try !overdue(ServiceFixture.nav))
    #expect(try !overdue(ServiceFixture.coordinator))
    fixture.clock.advance(days: 1)
    #expect(try overdue(ServiceFixture.nav))
    #expect(try overdue(ServiceFixture.coordinator))
    let incoming = try fixture.service.handoverInbox(as: ServiceFixture.nav, options: .followUp)
      .incoming
    #expect(incoming.first?.isOverdue == true)
    // Until accepted the sender stays responsible (S3); acceptance ends the overdue state.
    #expect(try fixture.holder() == ServiceFixture.holder)
    try fixture.service.acceptHandover(id, as: ServiceFixture.nav, options: .followUp)
    #expect(try !overdue(ServiceFixture.nav))
    #expect(try !overdue(ServiceFixture.coordinator))
  }

  @Test("a draft proposed later counts its notice from the day it is proposed")
  func draftNotice() throws {
    let fixture = try ServiceFixture()
    _ = try fixture.consent(["nav"], [.identity, .handover])
    var draft = fixture.proposal("prison-release", to: "nav.caseworker", inDays: 20)
    draft.draft = true
    let id = try fixture.service.proposeHandover(
      draft, as: ServiceFixture.coordinator, options: .followUp
    ).id
    #expect(
      try fixture.service.handoverInbox(as: ServiceFixture.nav, options: .followUp).incoming.isEmpty
    )
    #expect(!fixture.canSee("nav.caseworker", id))
    fixture.clock.advance(days: 7)
    try fixture.service.sendHandover(id, as: ServiceFixture.coordinator, options: .followUp)
    let record = try fixture.service.showHandover(id, as: ServiceFixture.nav, options: .followUp)
    #expect(record.handover.proposedOn == fixture.today())
    let entry = try fixture.service.handoverInbox(as: ServiceFixture.nav, options: .followUp)
      .incoming.first
    #expect(entry?.isLateNotice == true)
  }
}
