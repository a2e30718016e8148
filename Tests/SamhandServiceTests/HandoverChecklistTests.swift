import Foundation
import SamhandCore
import SamhandService
import SamhandTestSupport
import Testing

/// Checklists per kind (the municipality's own, else the default) and the deactivation
/// warning that keeps a leaving coordinator's responsibilities from being orphaned (S4).
@Suite("Handovers: checklists and deactivation")
struct HandoverChecklistTests {
  let coordinator = ServiceFixture.coordinator

  @Test("a proposal copies the kind's checklist; either side ticks items; labels are sealed")
  func checklist() throws {
    let fixture = try ServiceFixture()
    _ = try fixture.consent(["nav"], [.identity, .handover])
    let id = try fixture.propose(to: "nav.caseworker")
    let keys = HandoverKind.dischargeToAftercare.defaultChecklist.map(\.key)
    var record = try fixture.service.showHandover(id, as: coordinator, options: .followUp)
    #expect(record.checklist.map(\.key) == keys)
    #expect(record.openItems.count == keys.count)
    try fixture.service.markChecklistItem(
      id, item: "housing", as: ServiceFixture.nav, options: .followUp)
    try fixture.service.markChecklistItem(
      id, item: "gp-informed", as: coordinator, options: .followUp)
    try fixture.service.markChecklistItem(
      id, item: "gp-informed", done: false, as: coordinator, options: .followUp)
    let added = try fixture.service.addChecklistItem(
      id, label: "Avtale med datteren om samvær", as: coordinator, options: .followUp)
    record = try fixture.service.showHandover(id, as: coordinator, options: .followUp)
    #expect(record.version == added.version)
    #expect(record.openItems.map(\.key) == keys.filter { $0 != "housing" } + ["item-8"])
    #expect(record.checklist.last?.label == .value("Avtale med datteren om samvær"))
    #expect(
      record.history.map(\.event).suffix(3) == [
        "check:gp-informed", "uncheck:gp-informed", "add:item-8",
      ])
    let database = try Data(contentsOf: fixture.databaseURL)
    #expect(database.range(of: Data("Avtale med datteren".utf8)) == nil)
  }

  @Test("the municipality's template replaces the default for new proposals of that kind")
  func template() throws {
    let fixture = try ServiceFixture()
    _ = try fixture.consent(["nav"], [.identity, .handover])
    #expect(
      try fixture.service.checklistTemplate(.relocation) == HandoverKind.relocation.defaultChecklist
    )
    let own = [ChecklistItem(key: "nav-office", label: "Nytt NAV-kontor kontaktet")]
    try fixture.service.setChecklistTemplate(.relocation, items: own, by: ServiceFixture.osUser)
    #expect(try fixture.service.checklistTemplate(.relocation) == own)
    #expect(
      try fixture.service.checklistTemplate(.turning18) == HandoverKind.turning18.defaultChecklist)
    let id = try fixture.propose("relocation", to: "nav.caseworker")
    #expect(
      try fixture.service.showHandover(id, as: coordinator, options: .followUp).checklist.map(\.key)
        == ["nav-office"])
    #expect(throws: ServiceError.self) {
      try fixture.service.setChecklistTemplate(.relocation, items: [], by: ServiceFixture.osUser)
    }
  }

  @Test(
    "deactivating a holder with an open handover warns the leader on their agenda until resolved"
  )
  func deactivationWarning() throws {
    let fixture = try ServiceFixture()
    _ = try fixture.consent(["nav"], [.identity, .handover])
    try fixture.service.addStaff(
      id: StaffID(rawValue: "phr.leader"), name: "Test leder",
      services: [try ServiceCode("psykisk-helse-rus")], roles: [.leader], by: ServiceFixture.osUser)
    let (plan, _) = try fixture.activePlan()
    let id = try fixture.propose("coordinator-change", mode: "transfer", to: "nav.caseworker")
    let report = try fixture.service.deactivateStaff(
      ServiceFixture.holder, by: ServiceFixture.osUser)
    let warning = try #require(report.warning)
    #expect(warning.contains(fixture.recipient.rawValue) && warning.contains(id.rawValue))
    #expect(report.leaders == [StaffID(rawValue: "phr.leader")])
    let leader = ServiceFixture.actor("phr.leader")
    #expect(try fixture.service.staffWarnings(as: leader) == [warning])
    #expect(try fixture.service.agenda(as: leader, options: .followUp).staffWarnings == [warning])
    #expect(try fixture.lastEntry(action: "staff.deactivate.warning") != nil)
    // Responsibility stays on record with the deactivated coordinator ...
    #expect(try fixture.holder(as: leader) == ServiceFixture.holder)
    #expect(
      try fixture.service.showPlan(plan, as: leader, options: .followUp).coordinator
        == ServiceFixture.holder)
    // ... until the coordinator-change is accepted.
    try fixture.service.acceptHandover(id, as: ServiceFixture.nav, options: .followUp)
    #expect(
      try fixture.service.showPlan(plan, as: ServiceFixture.nav, options: .followUp).coordinator
        .rawValue
        == "nav.caseworker")
    // Resolved: the warning stays on record but leaves the leader's agenda.
    #expect(try fixture.service.agenda(as: leader, options: .followUp).staffWarnings.isEmpty)
    #expect(try fixture.service.staffWarnings(as: leader) == [warning])
  }

  @Test("deactivating someone with nothing open warns no one")
  func quietDeactivation() throws {
    let fixture = try ServiceFixture()
    let report = try fixture.service.deactivateStaff(
      StaffID(rawValue: "nav.other"), by: ServiceFixture.osUser)
    #expect(report.warning == nil && report.leaders.isEmpty)
  }
}
