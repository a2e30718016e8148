import Foundation
import SamhandCore
import Testing

@Suite("The agenda's rules: when an item is due, when overdue, in what order")
struct AgendaTests {
  static let today = date("2026-11-18")
  static let window = AgendaWindow.standard
  static let recipient = RecipientID(rawValue: "r-1")

  /// Test dates are literals; a typo reads as the epoch and fails the test that uses it.
  static func date(_ text: String) -> CalendarDate {
    (try? CalendarDate(parsing: text)) ?? CalendarDate(Date(timeIntervalSince1970: 0))
  }

  static func item(_ kind: AgendaItem.Kind, _ due: String, overdue: Bool, subject: String = "x")
    -> AgendaItem
  {
    AgendaItem(kind: kind, recipient: recipient, subject: subject, due: date(due), overdue: overdue)
  }

  @Test(
    "a revision or action item shows from 14 days ahead and is overdue from the day after",
    arguments: [
      ("2026-12-03", nil), ("2026-12-02", false), ("2026-11-18", false),
      ("2026-11-17", true), ("2025-01-01", true),
    ] as [(String, Bool?)])
  func dated(due: String, overdue: Bool?) {
    for kind in [AgendaItem.Kind.planRevision, .actionItem] {
      let item = AgendaItem.dated(
        kind, recipient: Self.recipient, subject: "s", due: Self.date(due), today: Self.today,
        window: Self.window)
      #expect(item?.overdue == overdue, "\(kind) due \(due)")
      #expect(item.map { $0.due == Self.date(due) && $0.kind == kind } ?? true)
    }
  }

  @Test(
    "a consent shows from 30 days before it ends until its last day, never overdue",
    arguments: [
      ("2026-12-19", false), ("2026-12-18", true), ("2026-11-18", true), ("2026-11-17", false),
    ])
  func consent(validUntil: String, shown: Bool) {
    let item = AgendaItem.consentEnding(
      ConsentID(rawValue: "c-1"), recipient: Self.recipient, validUntil: Self.date(validUntil),
      today: Self.today, window: Self.window)
    #expect((item != nil) == shown)
    #expect(item?.overdue != true)
    #expect(item.map { $0.subject == "c-1" && $0.kind == .consentEnding } ?? true)
  }

  @Test("a group is due its interval after the last held meeting, or after it started")
  func meetingDue() {
    func schedule(_ held: String?, planned: String? = nil) -> MeetingSchedule {
      MeetingSchedule(
        startedOn: Self.date("2026-05-31"), intervalMonths: 3, lastHeld: held.map(Self.date),
        nextPlanned: planned.map(Self.date))
    }
    func item(_ schedule: MeetingSchedule) -> AgendaItem? {
      .groupMeeting(
        GroupID(rawValue: "ag-1"), recipient: Self.recipient, schedule: schedule,
        today: Self.today, window: Self.window)
    }
    #expect(schedule(nil).nextDue == Self.date("2026-08-31"))
    #expect(item(schedule(nil))?.overdue == true)
    #expect(item(schedule("2026-08-18"))?.overdue == false)
    #expect(item(schedule("2026-08-18"))?.due == Self.date("2026-11-18"))
    #expect(item(schedule("2026-08-17"))?.overdue == true)
    #expect(item(schedule("2026-09-02"))?.due == Self.date("2026-12-02"))
    #expect(item(schedule("2026-09-03")) == nil)
    // A meeting planned from today on takes the place of the due date and is not late.
    #expect(item(schedule(nil, planned: "2026-11-25"))?.overdue == false)
    #expect(item(schedule(nil, planned: "2026-11-25"))?.due == Self.date("2026-11-25"))
    #expect(item(schedule(nil, planned: "2026-12-03")) == nil)
  }

  @Test("overdue first, then by date, then by kind and subject, whatever the input order")
  func sorting() {
    let expected = [
      Self.item(.actionItem, "2026-11-01", overdue: true),
      Self.item(.planRevision, "2026-11-10", overdue: true),
      Self.item(.groupMeeting, "2026-11-10", overdue: true),
      Self.item(.planRevision, "2026-11-18", overdue: false, subject: "a"),
      Self.item(.planRevision, "2026-11-18", overdue: false, subject: "b"),
      Self.item(.consentEnding, "2026-11-18", overdue: false),
      Self.item(.groupMeeting, "2026-11-20", overdue: false),
    ]
    let reversed = Array(expected.reversed())
    for shift in 0..<expected.count {
      for input in [expected, reversed] {
        let rotated = Array(input[shift...] + input[..<shift])
        #expect(Agenda(today: Self.today, items: rotated).items == expected, "rotation \(shift)")
      }
    }
    let agenda = Agenda(today: Self.today, items: expected)
    #expect(agenda.items(of: .planRevision).map(\.subject) == ["x", "a", "b"])
  }

  @Test("every kind names the category the gate decides it on")
  func categories() {
    #expect(AgendaItem.Kind.planRevision.category == .plan)
    #expect(AgendaItem.Kind.groupMeeting.category == .group)
    #expect(AgendaItem.Kind.actionItem.category == .group)
    #expect(AgendaItem.Kind.consentEnding.category == .identity)
    #expect(Set(AgendaItem.Kind.allCases.map(\.rawValue)).count == AgendaItem.Kind.allCases.count)
  }
}
