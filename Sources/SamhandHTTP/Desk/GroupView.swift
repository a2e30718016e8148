import Foundation
import SamhandCore

/// The responsibility group on a recipient's page: who is in it, the next meeting (the
/// earliest without minutes), the open action items, and the meeting the minutes form is for.
struct GroupView {
  let id: String
  /// The version the minutes form names, so minutes written on a group changed since are
  /// refused.
  let version: Int
  let leader: String
  let members: [MemberRow]
  let nextMeeting: MeetingRow?
  let openItems: [ActionItemRow]
  let hasOpenItems: Bool

  init(_ group: Group) {
    id = group.id.rawValue
    version = group.version
    leader = group.leader.rawValue
    let current = group.currentMembers
    let rows = current.map(MemberRow.init)
    members = rows
    let names = Dictionary(uniqueKeysWithValues: current.map { ($0.id, MemberRow($0).name) })
    nextMeeting =
      group.meetings.filter { $0.minutes == nil }.min { $0.plannedAt < $1.plannedAt }
      .map { MeetingRow($0, members: rows) }
    openItems = group.meetings.flatMap(\.actionItems).filter { $0.completedAt == nil }
      .sorted { $0.due < $1.due }
      .map { ActionItemRow($0, owner: names[$0.owner] ?? $0.owner.rawValue) }
    hasOpenItems = !openItems.isEmpty
  }
}

struct MemberRow {
  let id: String
  let name: String
  let role: String

  init(_ member: GroupMember) {
    id = member.id.rawValue
    name =
      member.kind == .recipient
      ? "Tjenestemottakeren" : member.staffID?.rawValue ?? member.name.text ?? "(uten navn)"
    role = member.role.text ?? ""
  }
}

struct MeetingRow {
  let id: String
  let plannedAt: String
  let agenda: String?
  /// The members, for the minutes form's owner choice.
  let members: [MemberRow]

  init(_ meeting: Meeting, members: [MemberRow]) {
    id = meeting.id.rawValue
    plannedAt = DeskText.time(meeting.plannedAt)
    agenda = meeting.agenda.text
    self.members = members
  }
}

struct ActionItemRow {
  let text: String
  let owner: String
  let due: String

  init(_ item: ActionItem, owner: String) {
    text = item.text.text
    self.owner = owner
    due = item.due.description
  }
}
