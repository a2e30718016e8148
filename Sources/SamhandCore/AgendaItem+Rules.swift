/// When each kind of thing is on the agenda, and when it is overdue. The store's queries
/// narrow the candidates with the same bounds so that an index does the work; these rules
/// have the last word.
extension AgendaItem {
  /// A revision or an action item: on the agenda from `window.dueWithinDays` before its date
  /// (inclusive), overdue from the day after it.
  public static func dated(
    _ kind: Kind, recipient: RecipientID, subject: String, due: CalendarDate,
    today: CalendarDate, window: AgendaWindow
  ) -> AgendaItem? {
    guard due <= window.dueHorizon(from: today) else { return nil }
    return AgendaItem(
      kind: kind, recipient: recipient, subject: subject, due: due, overdue: due < today)
  }

  /// A consent ending from today to `window.consentEndingWithinDays` ahead (both inclusive).
  /// It is never overdue: once it has ended it is no longer live, and nothing rests on it.
  public static func consentEnding(
    _ consent: ConsentID, recipient: RecipientID, validUntil: CalendarDate, today: CalendarDate,
    window: AgendaWindow
  ) -> AgendaItem? {
    guard today <= validUntil, validUntil <= window.consentHorizon(from: today) else {
      return nil
    }
    return AgendaItem(
      kind: .consentEnding, recipient: recipient, subject: consent.rawValue, due: validUntil,
      overdue: false)
  }

  /// A group's next meeting: the earliest meeting planned from today on, or else when the
  /// group should have met by (`Group.nextMeetingDue`), overdue once that date has passed —
  /// the same rule as `Group.isMeetingOverdue`.
  public static func groupMeeting(
    _ group: GroupID, recipient: RecipientID, schedule: MeetingSchedule, today: CalendarDate,
    window: AgendaWindow
  ) -> AgendaItem? {
    let due = schedule.nextPlanned ?? schedule.nextDue
    guard due <= window.dueHorizon(from: today) else { return nil }
    return AgendaItem(
      kind: .groupMeeting, recipient: recipient, subject: group.rawValue, due: due,
      overdue: schedule.nextPlanned == nil && due < today)
  }
}

/// What the agenda needs to know of a group's meetings, as dates in Oslo.
public struct MeetingSchedule: Sendable, Equatable {
  /// The day the group was created.
  public let startedOn: CalendarDate
  public let intervalMonths: Int
  /// The day of the last meeting with minutes, if any.
  public let lastHeld: CalendarDate?
  /// The earliest meeting without minutes planned for today or later, if any.
  public let nextPlanned: CalendarDate?

  public init(
    startedOn: CalendarDate, intervalMonths: Int, lastHeld: CalendarDate?,
    nextPlanned: CalendarDate?
  ) {
    self.startedOn = startedOn
    self.intervalMonths = intervalMonths
    self.lastHeld = lastHeld
    self.nextPlanned = nextPlanned
  }

  /// The last held meeting (or the group's start) plus the interval.
  public var nextDue: CalendarDate {
    Group.nextMeetingDue(lastHeld: lastHeld, startedOn: startedOn, intervalMonths: intervalMonths)
  }
}

/// The rules for handovers and for a minor turning 18.
extension AgendaItem {
  /// Months before the 18th birthday that the reminder starts (SCENARIOS S3).
  public static let turning18NoticeMonths = 3

  /// A handover the actor must act on, or an open checklist item of one: on the agenda as
  /// long as it is open, whatever its date, and overdue from the day after its planned date.
  public static func handover(
    _ kind: Kind, recipient: RecipientID, subject: String, planned: CalendarDate,
    today: CalendarDate
  ) -> AgendaItem {
    AgendaItem(
      kind: kind, recipient: recipient, subject: subject, due: planned, overdue: planned < today)
  }

  /// A minor turning 18: on the agenda from `turning18NoticeMonths` before the birthday
  /// (inclusive), overdue from the day after it. The store leaves out recipients with an
  /// accepted `turning-18` handover, so it stays until adult services have accepted.
  public static func turning18(
    _ recipient: RecipientID, on birthday: CalendarDate, today: CalendarDate
  ) -> AgendaItem? {
    guard birthday <= today.adding(months: turning18NoticeMonths) else { return nil }
    return AgendaItem(
      kind: .turning18, recipient: recipient, subject: recipient.rawValue, due: birthday,
      overdue: birthday < today)
  }
}
