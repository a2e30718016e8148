import Foundation
import SamhandCore
import SamhandService
import SamhandTestSupport
import Testing

/// Notices to the coordinating unit (DOMAIN L8): sent by a service with a care relationship,
/// taken up and given a coordinator by the unit, the coordinator changing only through an
/// accepted handover (DESIGN invariants 5 and 6).
@Suite("Notices to the coordinating unit")
struct NoticeTests {
  static let unit = ServiceFixture.unitCoordinator

  @Test("a notice is sent, taken up, and its coordinator takes over only by accepting")
  func sendAcceptAssign() throws {
    let fixture = try ServiceFixture()
    try fixture.addCoordinatingUnit()
    let (plan, _) = try fixture.activePlan()
    let service = fixture.service
    let id = try service.sendNotice(
      recipient: fixture.recipient, need: "coordinator", note: "Trenger fast koordinator",
      as: ServiceFixture.actor("phr.caseworker"), options: .followUp)

    let before = try fixture.service.auditHeadSequence()
    let open = try service.notices(openOnly: true, as: Self.unit, options: .followUp).items
    #expect(open.map(\.id) == [id])
    let notice = try #require(open.first)
    #expect(notice.need == .coordinator && notice.status == .open)
    #expect(notice.note == .value("Trenger fast koordinator"))
    #expect(notice.fromStaff.rawValue == "phr.caseworker")
    #expect(notice.fromService.rawValue == "psykisk-helse-rus")
    #expect(
      try fixture.service.auditEntries(after: before).compactMap(\.recipient) == [
        fixture.recipient.rawValue
      ])

    let accepted = try service.acceptNotice(id, as: Self.unit, options: .followUp)
    #expect(accepted.status == .accepted && accepted.acceptedBy == Self.unit.staffID)
    try fixture.expectRefused("already") {
      _ = try service.acceptNotice(id, as: Self.unit, options: .followUp)
    }

    let appointee = StaffID(rawValue: "phr.caseworker")
    let assigned = try service.assignNoticeCoordinator(
      id, coordinator: appointee, as: ServiceFixture.unitLeader, options: .followUp)
    #expect(assigned.status == .assigned && assigned.coordinator == appointee)
    let handoverID = try #require(assigned.handoverID)
    let handover = try service.showHandover(
      handoverID, as: ServiceFixture.actor("phr.caseworker"), options: .followUp)
    #expect(handover.handover.kind == .coordinatorChange && handover.handover.mode == .transfer)
    #expect(handover.handover.toStaff == appointee)
    #expect(handover.holderAtProposal?.rawValue == "phr.coordinator")
    let holder = {
      try service.responsibilityHolder(
        of: fixture.recipient, as: ServiceFixture.coordinator, options: .followUp
      ).staff
    }
    #expect(try holder()?.rawValue == "phr.coordinator", "no change before the appointee accepts")
    #expect(
      try service.showPlan(plan, as: ServiceFixture.coordinator, options: .followUp).coordinator
        .rawValue == "phr.coordinator")

    try service.acceptHandover(
      handoverID, as: ServiceFixture.actor("phr.caseworker"), options: .followUp)
    #expect(try holder() == appointee)
    #expect(
      try service.showPlan(plan, as: ServiceFixture.coordinator, options: .followUp).coordinator
        == appointee)
    #expect(try service.notices(openOnly: true, as: Self.unit, options: .followUp).items.isEmpty)
    #expect(try service.notices(as: Self.unit, options: .followUp).items.map(\.id) == [id])
    try fixture.expectRefused("has a coordinator already") {
      _ = try service.assignNoticeCoordinator(
        id, coordinator: appointee, as: Self.unit, options: .followUp)
    }
  }

  @Test("appointing whoever holds responsibility records them, with no handover")
  func appointingTheHolder() throws {
    let fixture = try ServiceFixture()
    try fixture.addCoordinatingUnit()
    let id = try fixture.service.sendNotice(
      recipient: fixture.recipient, need: "plan", as: ServiceFixture.coordinator,
      options: .followUp)
    let assigned = try fixture.service.assignNoticeCoordinator(
      id, coordinator: StaffID(rawValue: "phr.coordinator"), as: Self.unit, options: .followUp)
    #expect(assigned.status == .assigned && assigned.handoverID == nil)
    #expect(assigned.acceptedBy == Self.unit.staffID, "assigning takes an open notice up too")
    #expect(assigned.note == .value(nil))
  }

  @Test("the appointee's service must be covered by the recipient's consent")
  func appointeeNeedsConsent() throws {
    let fixture = try ServiceFixture()
    try fixture.addCoordinatingUnit()
    let id = try fixture.service.sendNotice(
      recipient: fixture.recipient, need: "coordinator", as: ServiceFixture.coordinator,
      options: .followUp)
    try fixture.expectRefused("does not cover service nav") {
      _ = try fixture.service.assignNoticeCoordinator(
        id, coordinator: StaffID(rawValue: "nav.caseworker"), as: Self.unit, options: .followUp)
    }
    try fixture.expectRefused("unknown or deactivated staff member") {
      _ = try fixture.service.assignNoticeCoordinator(
        id, coordinator: StaffID(rawValue: "nobody"), as: Self.unit, options: .followUp)
    }
  }

  @Test(
    "only someone with a care relationship sends a notice",
    arguments: ["nav.caseworker", "tsb.clinician", "phr.auditor", "ke.coordinator"])
  func sendingNeedsACareRelationship(_ staff: String) throws {
    let fixture = try ServiceFixture()
    try fixture.addCoordinatingUnit()
    try fixture.expectRefused("no recipient \(fixture.recipient)") {
      _ = try fixture.service.sendNotice(
        recipient: fixture.recipient, need: "plan", as: ServiceFixture.actor(staff),
        options: .followUp)
    }
  }

  @Test(
    "only the unit's coordinators and leaders take notices up; to others a notice is not there",
    arguments: ["phr.coordinator", "nav.caseworker", "ke.clinician", "ke.auditor"])
  func onlyTheUnitHandlesNotices(_ staff: String) throws {
    let fixture = try ServiceFixture()
    try fixture.addCoordinatingUnit()
    let id = try fixture.service.sendNotice(
      recipient: fixture.recipient, need: "plan", as: ServiceFixture.coordinator,
      options: .followUp)
    let actor = ServiceFixture.actor(staff)
    try fixture.expectRefused("no notice \(id)") {
      _ = try fixture.service.acceptNotice(id, as: actor, options: .followUp)
    }
    try fixture.expectRefused("no notice \(id)") {
      _ = try fixture.service.assignNoticeCoordinator(
        id, coordinator: StaffID(rawValue: "phr.coordinator"), as: actor, options: .followUp)
    }
  }

  @Test("an unknown need is refused and audited; the note never reaches the file in plaintext")
  func badNeedAndSealedNote() throws {
    let fixture = try ServiceFixture()
    try fixture.addCoordinatingUnit()
    try fixture.expectRefused("unknown need 'housing'") {
      _ = try fixture.service.sendNotice(
        recipient: fixture.recipient, need: "housing", as: ServiceFixture.coordinator,
        options: .followUp)
    }
    let note = "Bor hos søsteren sin i Fjordvik"
    _ = try fixture.service.sendNotice(
      recipient: fixture.recipient, need: "plan", note: note, as: ServiceFixture.coordinator,
      options: .followUp)
    let directory = fixture.databaseURL.deletingLastPathComponent()
    for file in try FileManager.default.contentsOfDirectory(atPath: directory.path)
    where file.hasPrefix("samhand.db") {
      let bytes = try Data(contentsOf: directory.appending(path: file))
      #expect(bytes.range(of: Data(note.utf8)) == nil, "\(file) holds the note in plaintext")
    }
  }
}
