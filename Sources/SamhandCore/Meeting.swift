import Foundation

/// A responsibility-group meeting: when it is planned, its agenda, and — once held — who
/// attended, the minutes, the decisions and the action items with owner and due date (L9).
public struct Meeting: Sendable, Equatable, Encodable {
  public let id: MeetingID
  public let plannedAt: Date
  public let agenda: Protected<String?>
  public let attendees: [GroupMemberID]
  /// Nil until minutes are recorded; the newest recorded text otherwise.
  public let minutes: Protected<String>?
  public let decisions: [Protected<String>]
  public let actionItems: [ActionItem]

  public init(
    id: MeetingID, plannedAt: Date, agenda: Protected<String?>, attendees: [GroupMemberID],
    minutes: Protected<String>?, decisions: [Protected<String>], actionItems: [ActionItem]
  ) {
    self.id = id
    self.plannedAt = plannedAt
    self.agenda = agenda
    self.attendees = attendees
    self.minutes = minutes
    self.decisions = decisions
    self.actionItems = actionItems
  }

  /// Held means its minutes are recorded.
  public var isHeld: Bool { minutes != nil }
}

/// Something a member undertook at a meeting, by a date.
public struct ActionItem: Sendable, Equatable, Encodable {
  public let id: ActionItemID
  public let text: Protected<String>
  public let owner: GroupMemberID
  public let due: CalendarDate
  public let completedAt: Date?

  public init(
    id: ActionItemID, text: Protected<String>, owner: GroupMemberID, due: CalendarDate,
    completedAt: Date?
  ) {
    self.id = id
    self.text = text
    self.owner = owner
    self.due = due
    self.completedAt = completedAt
  }

  /// Not completed and its due date has passed.
  public func isOverdue(on today: CalendarDate) -> Bool { completedAt == nil && due < today }
}

/// A meeting to plan; validated before anything is written.
public struct NewMeeting: Sendable, Equatable {
  public let plannedAt: Date
  public let agenda: String?

  public init(plannedAt: Date, agenda: String? = nil) throws(PlanError) {
    if let agenda, agenda.trimmingSpaces.isEmpty { throw .emptyField("the agenda") }
    self.plannedAt = plannedAt
    self.agenda = agenda
  }
}

/// The minutes of a held meeting with its attendees, decisions and action items.
public struct NewMinutes: Sendable, Equatable {
  public struct Item: Sendable, Equatable {
    public let text: String
    public let owner: GroupMemberID
    public let due: CalendarDate

    public init(text: String, owner: GroupMemberID, due: CalendarDate) {
      self.text = text
      self.owner = owner
      self.due = due
    }
  }

  public let text: String
  public let attendees: [GroupMemberID]
  public let decisions: [String]
  public let actionItems: [Item]

  public init(
    text: String, attendees: [GroupMemberID] = [], decisions: [String] = [],
    actionItems: [Item] = []
  ) throws(PlanError) {
    guard !text.trimmingSpaces.isEmpty else { throw .emptyField("the minutes") }
    for decision in decisions where decision.trimmingSpaces.isEmpty {
      throw .emptyField("a decision")
    }
    for item in actionItems where item.text.trimmingSpaces.isEmpty {
      throw .emptyField("an action item's text")
    }
    self.text = text
    self.attendees = Array(Set(attendees)).sorted()
    self.decisions = decisions
    self.actionItems = actionItems
  }

  /// Every member the minutes name, as attendee or owner; each must belong to the group.
  public var namedMembers: Set<GroupMemberID> {
    Set(attendees + actionItems.map(\.owner))
  }
}
