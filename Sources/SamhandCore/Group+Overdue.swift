import Foundation

/// When a group should meet next and what is overdue (L9: "a meeting interval that the
/// group keeps").
extension Group {
  /// The last held meeting (or the group's start) plus the interval.
  public var nextMeetingDue: CalendarDate {
    Self.nextMeetingDue(
      lastHeld: meetings.filter(\.isHeld).map { CalendarDate($0.plannedAt) }.max(),
      startedOn: CalendarDate(createdAt), intervalMonths: meetingIntervalMonths)
  }

  /// The one rule for when a group should meet next, shared with the agenda.
  public static func nextMeetingDue(
    lastHeld: CalendarDate?, startedOn: CalendarDate, intervalMonths: Int
  ) -> CalendarDate {
    (lastHeld ?? startedOn).adding(months: intervalMonths)
  }

  /// Active, the due date has passed, and no meeting is planned from today on.
  public func isMeetingOverdue(on today: CalendarDate) -> Bool {
    guard status == .active, nextMeetingDue < today else { return false }
    return !meetings.contains { !$0.isHeld && CalendarDate($0.plannedAt) >= today }
  }

  /// Action items of every meeting that are open past their due date.
  public func overdueActionItems(on today: CalendarDate) -> [ActionItem] {
    meetings.flatMap(\.actionItems).filter { $0.isOverdue(on: today) }
  }
}

extension CalendarDate {
  /// The same day `months` later, or the month's last day when it has fewer days.
  public func adding(months: Int) -> CalendarDate {
    let total = year * 12 + (month - 1) + months
    let newYear = total / 12
    let newMonth = total % 12 + 1
    let newDay = min(day, NationalID.daysIn(month: newMonth, year: newYear))
    return CalendarDate(year: newYear, month: newMonth, day: newDay) ?? self
  }
}
