import Foundation
import SamhandCore
import SamhandService
import SamhandTestSupport
import Testing

/// Handovers on the agenda: the receiving service sees a proposal awaiting it, the sender sees
/// it outgoing, both see the open checklist items, each through the gate as category
/// `handover`, audited once per recipient.
@Suite("The agenda's handover items through the service")
struct AgendaHandoverTests {
  static let tsb = ServiceFixture.actor("tsb.clinician")

  func kinds(_ fixture: ServiceFixture, _ actor: Actor) throws -> [AgendaItem.Kind: [String]] {
    Dictionary(
      grouping: try fixture.service.agenda(as: actor, options: .followUp).items, by: \.kind
    )
    .mapValues { $0.map(\.subject) }
  }

  @Test("awaiting for the receiving service, outgoing for the sender, checklist for both")
  func bothSides() throws {
    let fixture = try ServiceFixture()
    _ = try fixture.consent(["psykisk-helse-rus", "tsb"], [.identity, .handover])
    let id = try fixture.propose(to: nil, service: "tsb", inDays: 20)
    let keys = HandoverKind.dischargeToAftercare.defaultChecklist.map { "\(id)/\($0.key)" }

    let receiver = try kinds(fixture, Self.tsb)
    #expect(receiver[.handoverAwaiting] == [id.rawValue])
    #expect(Set(receiver[.handoverChecklist] ?? []) == Set(keys))
    #expect(receiver[.handoverOutgoing] == nil)
    let sender = try kinds(fixture, ServiceFixture.coordinator)
    #expect(sender[.handoverOutgoing] == [id.rawValue])
    #expect(Set(sender[.handoverChecklist] ?? []) == Set(keys))
    #expect(sender[.handoverAwaiting] == nil)
    #expect(try kinds(fixture, ServiceFixture.actor("gp.clinician")).isEmpty, "not a party")

    let resources = try fixture.service.values(
      """
      SELECT resource_id FROM audit_entries
      WHERE action = 'agenda.show' AND actor = 'tsb.clinician' AND resource_type != 'list'
      """, as: String.self)
    #expect(resources == ["\(fixture.recipient.rawValue)/handover"])

    _ = try fixture.service.acceptHandover(id, as: Self.tsb, options: .followUp)
    let first = try #require(HandoverKind.dischargeToAftercare.defaultChecklist.first).key
    _ = try fixture.service.markChecklistItem(id, item: first, as: Self.tsb, options: .followUp)
    let accepted = try kinds(fixture, Self.tsb)
    #expect(accepted[.handoverAwaiting] == nil)
    #expect(Set(accepted[.handoverChecklist] ?? []) == Set(keys.dropFirst()))
    #expect(try kinds(fixture, ServiceFixture.coordinator)[.handoverOutgoing] == nil)
  }

  @Test("past its planned date an unaccepted handover is overdue for the sender and receiver")
  func overdueBothSides() throws {
    let fixture = try ServiceFixture()
    _ = try fixture.consent(["psykisk-helse-rus", "tsb"], [.identity, .handover])
    let id = try fixture.propose(to: "tsb.clinician", inDays: 3)
    fixture.clock.advance(days: 3)
    for actor in [Self.tsb, ServiceFixture.coordinator] {
      let items = try fixture.service.agenda(as: actor, options: .followUp).items.filter {
        $0.subject == id.rawValue
      }
      #expect(items.map(\.overdue) == [false], "\(actor.staffID)")
    }
    fixture.clock.advance(days: 1)
    let receiver = try fixture.service.agenda(as: Self.tsb, options: .followUp).items(
      of: .handoverAwaiting)
    #expect(receiver.map(\.overdue) == [true])
    let sender = try fixture.service.agenda(as: ServiceFixture.coordinator, options: .followUp)
    #expect(sender.items(of: .handoverOutgoing).map(\.overdue) == [true])
    #expect(sender.items.first?.overdue == true, "overdue first")
  }
}
