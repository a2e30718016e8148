import Foundation
import SamhandCore
import SamhandService
import SamhandTestSupport
import Testing

/// The agenda through the service: each kind appears and disappears as the work is done, only
/// for the staff member whose work it is, and only while the policies let them see it.
@Suite("The agenda through the service")
struct AgendaServiceTests {
  let coordinator = ServiceFixture.coordinator
  let nav = ServiceFixture.nav

  func today(_ fixture: ServiceFixture) -> CalendarDate { .today(fixture.clock) }

  func agenda(_ fixture: ServiceFixture, as actor: Actor) throws -> [AgendaItem] {
    try fixture.service.agenda(as: actor, options: .followUp).items
  }

  /// An active plan (consent for nav and psykisk-helse-rus) with a group of `months`' interval
  /// that NAV's caseworker belongs to, and a meeting planned at `meetingAt`.
  func groupWithNAV(_ fixture: ServiceFixture, months: Int, meetingAt: Date) throws
    -> (consent: ConsentID, group: GroupID, member: GroupMemberID, meeting: MeetingID)
  {
    let (plan, consent) = try fixture.activePlan()
    let group = try fixture.service.createGroup(
      for: plan, meetingIntervalMonths: months, as: coordinator, options: .followUp)
    let member = try fixture.service.addGroupMember(
      .staff(StaffID(rawValue: "nav.caseworker")), to: group, as: coordinator, options: .followUp)
    let meeting = try fixture.service.planMeeting(
      try NewMeeting(plannedAt: meetingAt), in: group, as: coordinator, options: .followUp)
    return (consent, group, member.id, meeting.id)
  }

  @Test("a revision shows 14 days ahead, turns overdue the day after, and goes when moved")
  func revision() throws {
    let fixture = try ServiceFixture()
    let (plan, _) = try fixture.activePlan()
    let start = today(fixture)
    try fixture.service.updatePlan(
      plan, try PlanContentChange(nextRevision: start.adding(days: 15)), as: coordinator,
      options: .followUp)
    #expect(try agenda(fixture, as: coordinator).isEmpty)
    fixture.clock.advance(days: 1)
    let due = try agenda(fixture, as: coordinator)
    #expect(
      due == [
        AgendaItem(
          kind: .planRevision, recipient: fixture.recipient, subject: plan.rawValue,
          due: start.adding(days: 15), overdue: false)
      ])
    fixture.clock.advance(days: 14)
    #expect(try agenda(fixture, as: coordinator).map(\.overdue) == [false])
    fixture.clock.advance(days: 1)
    #expect(try agenda(fixture, as: coordinator).map(\.overdue) == [true])
    try fixture.service.revisePlan(
      plan, evaluation: "Evaluert med mottaker", nextRevision: today(fixture).adding(days: 90),
      as: coordinator, options: .followUp)
    #expect(try agenda(fixture, as: coordinator).isEmpty)
  }

  @Test("a planned meeting shows, goes when held, and the group is overdue after its interval")
  func meeting() throws {
    let fixture = try ServiceFixture()
    let meetingDay = fixture.clock.now.addingTimeInterval(5 * 86_400)
    let (_, group, _, meeting) = try groupWithNAV(fixture, months: 1, meetingAt: meetingDay)
    for actor in [coordinator, nav] {
      #expect(
        try agenda(fixture, as: actor) == [
          AgendaItem(
            kind: .groupMeeting, recipient: fixture.recipient, subject: group.rawValue,
            due: CalendarDate(meetingDay), overdue: false)
        ])
    }
    fixture.clock.advance(days: 5)
    try fixture.service.recordMinutes(
      try NewMinutes(text: "Referat"), of: meeting, as: coordinator, options: .followUp)
    #expect(try agenda(fixture, as: coordinator).isEmpty)
    let nextDue = CalendarDate(meetingDay).adding(months: 1)
    while today(fixture) < nextDue.adding(days: -14) {
      #expect(try agenda(fixture, as: coordinator).isEmpty)
      fixture.clock.advance(days: 1)
    }
    #expect(try agenda(fixture, as: coordinator).map(\.due) == [nextDue])
    while today(fixture) <= nextDue {
      #expect(try agenda(fixture, as: coordinator).map(\.overdue) == [false])
      fixture.clock.advance(days: 1)
    }
    #expect(try agenda(fixture, as: nav).map(\.overdue) == [true])
  }

  @Test("a consent ending within 30 days shows for its coordinator until withdrawn or renewed")
  func consent() throws {
    let fixture = try ServiceFixture()
    _ = try fixture.draftPlan()
    let start = today(fixture)
    let ending = try fixture.consent(
      ["psykisk-helse-rus", "nav"], [.identity, .plan], until: start.adding(days: 30))
    _ = try fixture.consent(["tsb"], [.identity], until: start.adding(days: 31))
    #expect(
      try agenda(fixture, as: coordinator) == [
        AgendaItem(
          kind: .consentEnding, recipient: fixture.recipient, subject: ending.rawValue,
          due: start.adding(days: 30), overdue: false)
      ])
    #expect(try agenda(fixture, as: nav).isEmpty)
    // A renewal must cover as much: one leaving out nav does not take over.
    _ = try fixture.consent(
      ["psykisk-helse-rus"], [.identity, .plan], until: start.adding(days: 365))
    #expect(
      try agenda(fixture, as: coordinator).map(\.subject) == [ending.rawValue])
    _ = try fixture.consent(["psykisk-helse-rus", "nav", "tsb"], [.identity, .plan, .group])
    #expect(try agenda(fixture, as: coordinator).isEmpty)

    let other = try ServiceFixture()
    _ = try other.draftPlan()
    let withdrawn = try other.consent(
      ["psykisk-helse-rus"], [.identity], until: today(other).adding(days: 3))
    #expect(
      try agenda(other, as: coordinator).map(\.subject) == [withdrawn.rawValue])
    try other.service.withdrawConsent(withdrawn, as: coordinator, options: .followUp)
    #expect(try agenda(other, as: coordinator).isEmpty)
  }

  @Test("an action item shows for its owner only, overdue after its date, and goes when done")
  func actionItem() throws {
    let fixture = try ServiceFixture()
    let (_, _, member, meeting) = try groupWithNAV(
      fixture, months: 6, meetingAt: fixture.clock.now)
    let due = today(fixture).adding(days: 3)
    let items = try fixture.service.recordMinutes(
      try NewMinutes(
        text: "Referat",
        actionItems: [.init(text: "Søknad om bostøtte", owner: member, due: due)]
      ), of: meeting, as: coordinator, options: .followUp)
    let item = try #require(items.id.first)
    let expected = AgendaItem(
      kind: .actionItem, recipient: fixture.recipient, subject: item.rawValue, due: due,
      overdue: false)
    #expect(try agenda(fixture, as: nav) == [expected])
    #expect(try agenda(fixture, as: coordinator).isEmpty)
    fixture.clock.advance(days: 3)
    #expect(try agenda(fixture, as: nav) == [expected])
    fixture.clock.advance(days: 1)
    #expect(try agenda(fixture, as: nav).map(\.overdue) == [true])
    try fixture.service.completeActionItem(item, as: nav, options: .followUp)
    #expect(try agenda(fixture, as: nav).isEmpty)
  }

  @Test("S7: consent withdrawn for NAV hides NAV's items at once, and leaves no look in the log")
  func consentWithdrawn() throws {
    let fixture = try ServiceFixture()
    let (consent, _, _, _) = try groupWithNAV(
      fixture, months: 6, meetingAt: fixture.clock.now.addingTimeInterval(86_400))
    _ = try fixture.consent(["psykisk-helse-rus"], [.identity, .plan, .group])
    #expect(try agenda(fixture, as: nav).map(\.kind) == [.groupMeeting])
    try fixture.service.withdrawConsent(consent, as: coordinator, options: .followUp)
    let before = try fixture.auditCount()
    #expect(try agenda(fixture, as: nav).isEmpty)
    let written = try fixture.service.rows(
      """
      SELECT resource_type, resource_id, recipient_id FROM audit_entries
      WHERE sequence > \(before)
      """)
    #expect(written.count == 1, "only the list's own entry")
    let entry = try #require(written.first)
    #expect(try entry["resource_type"] as String == "list")
    #expect(try entry["recipient_id"] as String? == nil)
    #expect(try agenda(fixture, as: coordinator).map(\.kind) == [.groupMeeting])
  }

  @Test("a block hides the blocked staff member's items")
  func block() throws {
    let fixture = try ServiceFixture()
    _ = try groupWithNAV(fixture, months: 6, meetingAt: fixture.clock.now)
    #expect(try agenda(fixture, as: nav).count == 1)
    try fixture.service.addBlock(
      recipient: fixture.recipient, target: .staff(StaffID(rawValue: "nav.caseworker")),
      reason: "mottakers ønske", as: coordinator, options: .followUp)
    #expect(try agenda(fixture, as: nav).isEmpty)
  }

  @Test("another staff member's work never shows, even in the same service")
  func othersItems() throws {
    let fixture = try ServiceFixture()
    let (plan, _) = try fixture.activePlan()
    try fixture.service.updatePlan(
      plan, try PlanContentChange(nextRevision: today(fixture)), as: coordinator, options: .followUp
    )
    _ = try fixture.consent(["tsb"], [.identity], until: today(fixture).adding(days: 45))
    try fixture.service.createGroup(
      for: plan, meetingIntervalMonths: 1, as: coordinator, options: .followUp)
    fixture.clock.advance(days: 40)
    #expect(try agenda(fixture, as: coordinator).count == 3)
    for other in ["phr.caseworker", "nav.caseworker", "nav.other", "tsb.clinician", "phr.auditor"] {
      #expect(try agenda(fixture, as: ServiceFixture.actor(other)).isEmpty, "\(other)")
    }
  }

  @Test("one audit entry per recipient and category looked at, in the same request")
  func audited() throws {
    let fixture = try ServiceFixture()
    let (plan, _) = try fixture.activePlan()
    try fixture.service.updatePlan(
      plan, try PlanContentChange(nextRevision: today(fixture)), as: coordinator, options: .followUp
    )
    try fixture.service.createGroup(
      for: plan, meetingIntervalMonths: 1, as: coordinator, options: .followUp)
    fixture.clock.advance(days: 40)
    let before = try fixture.auditCount()
    let items = try agenda(fixture, as: coordinator)
    #expect(Set(items.map(\.kind)) == [.planRevision, .groupMeeting])
    #expect(try fixture.auditCount() == before + 3, "two looks and the list's own entry")
    let resources = try fixture.service.values(
      """
      SELECT resource_id FROM audit_entries
      WHERE action = 'agenda.show' AND resource_type != 'list' ORDER BY 1
      """, as: String.self)
    let id = fixture.recipient.rawValue
    #expect(resources == ["\(id)/group", "\(id)/plan"])
    #expect(throws: ServiceError.unauthenticated) {
      try fixture.service.agenda(as: ServiceFixture.actor("nobody"), options: .followUp)
    }
  }
}
