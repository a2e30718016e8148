import Foundation
import SamhandCore
import Testing

@Suite("Responsibility group deadlines")
struct PlanGroupOverdueTests {
  /// 2027-01-15T10:00:00Z.
  let start = Date(timeIntervalSince1970: 1_800_007_200)

  func group(meetings: [Meeting], interval: Int = 3, status: Group.Status = .active) -> Group {
    Group(
      id: GroupID(rawValue: "ag-1"), recipientID: RecipientID(rawValue: "r-1"),
      planID: PlanID(rawValue: "p-1"), status: status, version: 1,
      leader: StaffID(rawValue: "s"), meetingIntervalMonths: interval, members: [],
      meetings: meetings, createdAt: start)
  }

  func meeting(_ at: Date, held: Bool, items: [ActionItem] = []) -> Meeting {
    Meeting(
      id: .generate(), plannedAt: at, agenda: .value(nil), attendees: [],
      minutes: held ? .value("Referat") : nil, decisions: [], actionItems: items)
  }

  @Test("a new group is due a meeting one interval after it started")
  func firstDue() throws {
    #expect(group(meetings: []).nextMeetingDue == (try CalendarDate(parsing: "2027-04-15")))
    #expect(
      group(meetings: [], interval: 1).nextMeetingDue == (try CalendarDate(parsing: "2027-02-15")))
  }

  @Test("a meeting is overdue after the interval unless one is planned ahead")
  func overdue() throws {
    let late = try CalendarDate(parsing: "2027-05-01")
    #expect(group(meetings: []).isMeetingOverdue(on: late))
    let planned = meeting(try Date("2027-05-10T10:00:00Z", strategy: .iso8601), held: false)
    #expect(!group(meetings: [planned]).isMeetingOverdue(on: late))
    let held = meeting(try Date("2027-04-01T10:00:00Z", strategy: .iso8601), held: true)
    #expect(!group(meetings: [held]).isMeetingOverdue(on: late))
    #expect(!group(meetings: [], status: .closed).isMeetingOverdue(on: late))
  }

  @Test("an open action item past its due date is overdue; a completed one is not")
  func actionItems() throws {
    let due = try CalendarDate(parsing: "2027-02-01")
    let open = ActionItem(
      id: .generate(), text: .value("Søke bolig"), owner: .generate(), due: due, completedAt: nil)
    let done = ActionItem(
      id: .generate(), text: .value("Time hos lege"), owner: .generate(), due: due,
      completedAt: start)
    let g = group(meetings: [meeting(start, held: true, items: [open, done])])
    #expect(g.overdueActionItems(on: due).isEmpty)
    #expect(g.overdueActionItems(on: due.adding(days: 1)) == [open])
  }

  @Test("adding months keeps the day or falls back to the month's last day")
  func months() throws {
    #expect(
      (try CalendarDate(parsing: "2027-01-31")).adding(months: 1)
        == (try CalendarDate(parsing: "2027-02-28")))
    #expect(
      (try CalendarDate(parsing: "2027-11-15")).adding(months: 3)
        == (try CalendarDate(parsing: "2028-02-15")))
    #expect(
      (try CalendarDate(parsing: "2024-02-29")).adding(months: 216)
        == (try CalendarDate(parsing: "2042-02-28")))
  }

  @Test("a date from its parts exists or is nil, as parsing its text would say")
  func parts() throws {
    for (year, month, day) in [
      (2024, 2, 29), (2023, 2, 29), (2027, 13, 1), (2027, 4, 31), (0, 1, 1),
    ] {
      let text =
        String(repeating: "0", count: 4 - String(year).count) + String(year) + "-"
        + (month < 10 ? "0" : "") + String(month) + "-" + (day < 10 ? "0" : "") + String(day)
      let parsed = try? CalendarDate(parsing: text)
      #expect(CalendarDate(year: year, month: month, day: day) == parsed, "\(text)")
    }
    #expect(CalendarDate(year: 2024, month: 2, day: 29)?.description == "2024-02-29")
  }
}
