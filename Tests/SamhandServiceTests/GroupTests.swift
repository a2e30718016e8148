import Foundation
import SamhandCore
import SamhandService
import Testing

@Suite("Responsibility groups through the service")
struct GroupTests {
  let coordinator = ServiceFixture.coordinator

  @Test("one active group per recipient, led by the plan's coordinator, default interval 3 months")
  func create() throws {
    let fixture = try ServiceFixture()
    let (plan, _) = try fixture.activePlan()
    let id = try fixture.service.createGroup(for: plan, as: coordinator, options: .followUp)
    let group = try fixture.service.showGroup(id, as: coordinator, options: .followUp)
    #expect(group.leader == StaffID(rawValue: "phr.coordinator"))
    #expect(group.meetingIntervalMonths == 3)
    try fixture.expectRefused("already has an active responsibility group (\(id))") {
      _ = try fixture.service.createGroup(for: plan, as: coordinator, options: .followUp)
    }
  }

  @Test("members of every kind; external participants' details are sealed and read back")
  func members() throws {
    let fixture = try ServiceFixture()
    let (plan, _) = try fixture.activePlan()
    let group = try fixture.service.createGroup(
      for: plan, meetingIntervalMonths: 2, as: coordinator, options: .followUp)
    let child = try #require(
      try fixture.service.showRecipient(fixture.recipient, as: coordinator, options: .followUp)
        .relatives.first)
    try fixture.service.addGroupMember(.recipient, to: group, as: coordinator, options: .followUp)
    try fixture.service.addGroupMember(
      .relative(child.id), to: group, as: coordinator, options: .followUp)
    try fixture.service.addGroupMember(
      .external(
        name: "Fiktiv Rektor", role: "rektor", organisation: "Fjordvik skole", contact: nil),
      to: group, as: coordinator, options: .followUp)
    try fixture.service.addGroupMember(
      .staff(StaffID(rawValue: "nav.caseworker")), to: group, as: coordinator, options: .followUp)
    let shown = try fixture.service.showGroup(group, as: coordinator, options: .followUp)
    #expect(shown.members.map(\.kind) == [.recipient, .relative, .external, .staff])
    #expect(shown.members[2].organisation == .value("Fjordvik skole"))
    #expect(shown.version == 5)
    try fixture.expectRefused("already a member") {
      try fixture.service.addGroupMember(.recipient, to: group, as: coordinator, options: .followUp)
    }
    try fixture.expectRefused("is not one of the recipient's next of kin") {
      try fixture.service.addGroupMember(
        .relative(RelativeID(rawValue: "k-unknown")), to: group, as: coordinator, options: .followUp
      )
    }
  }

  @Test("minutes name only current members; action items have owners and due dates")
  func minutes() throws {
    let fixture = try ServiceFixture()
    let (plan, _) = try fixture.activePlan()
    let group = try fixture.service.createGroup(for: plan, as: coordinator, options: .followUp)
    let member = try fixture.service.addGroupMember(
      .recipient, to: group, as: coordinator, options: .followUp)
    let meeting = try fixture.service.planMeeting(
      try NewMeeting(plannedAt: fixture.clock.now, agenda: "Bolig"), in: group, as: coordinator,
      options: .followUp)
    let stranger = GroupMemberID(rawValue: "gm-stranger")
    try fixture.expectRefused("no member gm-stranger in this group") {
      try fixture.service.recordMinutes(
        try NewMinutes(text: "Referat", attendees: [member.id, stranger]), of: meeting.id,
        as: coordinator, options: .followUp)
    }
    let due = CalendarDate.today(fixture.clock).adding(days: 14)
    let recorded = try fixture.service.recordMinutes(
      try NewMinutes(
        text: "Referat", attendees: [member.id], decisions: ["Søke kommunal bolig"],
        actionItems: [.init(text: "Fylle ut søknad", owner: member.id, due: due)]),
      of: meeting.id, as: coordinator, options: .followUp)
    let held = try #require(
      try fixture.service.showGroup(group, as: coordinator, options: .followUp).meetings.first)
    #expect(held.minutes == .value("Referat"))
    #expect(held.decisions == [.value("Søke kommunal bolig")])
    #expect(held.actionItems.map(\.id) == recorded.id)
    #expect(held.attendees == [member.id])
  }

  @Test("meeting and action-item overdue are queryable and respect access")
  func overdue() throws {
    let fixture = try ServiceFixture()
    let (plan, _) = try fixture.activePlan()
    let group = try fixture.service.createGroup(
      for: plan, meetingIntervalMonths: 1, as: coordinator, options: .followUp)
    let member = try fixture.service.addGroupMember(
      .recipient, to: group, as: coordinator, options: .followUp)
    let meeting = try fixture.service.planMeeting(
      try NewMeeting(plannedAt: fixture.clock.now), in: group, as: coordinator, options: .followUp)
    let due = CalendarDate.today(fixture.clock).adding(days: 7)
    let items = try fixture.service.recordMinutes(
      try NewMinutes(
        text: "Referat", actionItems: [.init(text: "Ringe NAV", owner: member.id, due: due)]),
      of: meeting.id, as: coordinator, options: .followUp)
    #expect(try fixture.service.overdueMeetings(as: coordinator, options: .followUp).isEmpty)
    #expect(try fixture.service.overdueActionItems(as: coordinator, options: .followUp).isEmpty)
    fixture.clock.advance(days: 40)
    #expect(
      try fixture.service.overdueMeetings(as: coordinator, options: .followUp).map(\.id) == [group])
    #expect(
      try fixture.service.overdueActionItems(as: coordinator, options: .followUp).map(\.id)
        == items.id)
    #expect(
      try fixture.service.overdueMeetings(
        as: ServiceFixture.actor("gp.clinician"), options: .followUp
      ).isEmpty)
    try fixture.service.completeActionItem(
      try #require(items.id.first), as: coordinator, options: .followUp)
    #expect(try fixture.service.overdueActionItems(as: coordinator, options: .followUp).isEmpty)
    try fixture.service.planMeeting(
      try NewMeeting(plannedAt: fixture.clock.now.addingTimeInterval(86_400)), in: group,
      as: coordinator, options: .followUp)
    #expect(try fixture.service.overdueMeetings(as: coordinator, options: .followUp).isEmpty)
  }

  @Test("a stale group edit is refused; a closed group takes no more changes")
  func versions() throws {
    let fixture = try ServiceFixture()
    let (plan, _) = try fixture.activePlan()
    let group = try fixture.service.createGroup(for: plan, as: coordinator, options: .followUp)
    try fixture.service.addGroupMember(
      .recipient, to: group, expectedVersion: 1, as: coordinator, options: .followUp)
    try fixture.expectRefused("has changed (version 2, you edited version 1)") {
      try fixture.service.planMeeting(
        try NewMeeting(plannedAt: fixture.clock.now), in: group, expectedVersion: 1,
        as: coordinator, options: .followUp)
    }
    try fixture.service.closeGroup(group, as: coordinator, options: .followUp)
    try fixture.expectRefused("the responsibility group is closed") {
      try fixture.service.planMeeting(
        try NewMeeting(plannedAt: fixture.clock.now), in: group, as: coordinator, options: .followUp
      )
    }
    let history = try fixture.service.groupHistory(group, as: coordinator, options: .followUp)
    #expect(history.map(\.change) == ["created", "member added", "closed"])
  }
}

@Suite("Responsibility groups: unknown ids")
struct GroupUnknownIDTests {
  @Test("minutes for an unknown meeting and an unknown action item are not found, and audited")
  func unknown() throws {
    let fixture = try ServiceFixture()
    let entries = try fixture.auditCount()
    #expect(throws: ServiceError.notFound(kind: "meeting", id: "mt-x")) {
      try fixture.service.recordMinutes(
        try NewMinutes(text: "Referat"), of: MeetingID(rawValue: "mt-x"),
        as: ServiceFixture.coordinator, options: .followUp)
    }
    #expect(throws: ServiceError.notFound(kind: "action item", id: "ai-x")) {
      try fixture.service.completeActionItem(
        ActionItemID(rawValue: "ai-x"), as: ServiceFixture.coordinator, options: .followUp)
    }
    #expect(try fixture.auditCount() == entries + 2)
    #expect(try fixture.lastEntry(action: "group.meeting.minutes")?.decision == "deny")
  }
}
