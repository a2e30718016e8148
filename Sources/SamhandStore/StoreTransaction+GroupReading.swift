import Foundation
import GRDB
import SamhandCore
import SamhandCrypto

/// Reads a whole responsibility group as it stands, sealed fields opened (or erased).
extension StoreTransaction {
  public func group(_ id: GroupID) throws -> Group? {
    guard
      let row = try Row.fetchOne(
        db.cachedStatement(
          sql: """
            SELECT g.recipient_id, g.plan_id, g.status, g.version, g.meeting_interval_months,
              g.created_at,
              (SELECT c.staff_id FROM plan_coordinators c WHERE c.plan_id = g.plan_id
                AND c.ended_at IS NULL)
            FROM groups g WHERE g.id = ?
            """), arguments: [id.rawValue])
    else { return nil }
    let recipient = RecipientID(rawValue: row[0])
    guard let status = Group.Status(rawValue: row[2]), let leader = row[6] as String? else {
      throw StoreError.corruptRow(table: "groups", id: id.rawValue, reason: "bad status or leader")
    }
    let key = try dataKey(for: recipient)
    let opener: Opener = { table, rowID in
      key.map { FieldSealer(table: table, rowID: rowID, key: $0) }
    }
    return Group(
      id: id, recipientID: recipient, planID: PlanID(rawValue: row[1]), status: status,
      version: row[3], leader: StaffID(rawValue: leader), meetingIntervalMonths: row[4],
      members: try members(of: id, opener: opener), meetings: try meetings(of: id, opener: opener),
      createdAt: Timestamp.parse(row[5]) ?? .distantPast)
  }

  private func members(of group: GroupID, opener: Opener) throws -> [GroupMember] {
    try Row.fetchAll(
      db.cachedStatement(
        sql: """
          SELECT id, kind, staff_id, relative_id, name_sealed, role_sealed, organisation_sealed,
            contact_sealed, added_at, ended_at FROM group_members WHERE group_id = ? ORDER BY rowid
          """), arguments: [group.rawValue]
    ).map { row in
      let id = GroupMemberID(rawValue: row[0])
      guard let kind = GroupMember.Kind(rawValue: row[1]) else {
        throw StoreError.corruptRow(table: "group_members", id: id.rawValue, reason: "bad kind")
      }
      let sealer = opener("group_members", id.rawValue)
      return GroupMember(
        id: id, kind: kind, staffID: (row[2] as String?).map(StaffID.init),
        relativeID: (row[3] as String?).map(RelativeID.init),
        name: try sealer.open(optional: row[4], column: "name_sealed"),
        role: try sealer.open(optional: row[5], column: "role_sealed"),
        organisation: try sealer.open(optional: row[6], column: "organisation_sealed"),
        contact: try sealer.open(optional: row[7], column: "contact_sealed"),
        addedAt: Timestamp.parse(row[8]) ?? .distantPast,
        endedAt: (row[9] as String?).flatMap(Timestamp.parse))
    }
  }

  private func meetings(of group: GroupID, opener: Opener) throws -> [Meeting] {
    try Row.fetchAll(
      db.cachedStatement(
        sql: """
          SELECT id, planned_at, agenda_sealed FROM meetings WHERE group_id = ?
          ORDER BY planned_at, rowid
          """), arguments: [group.rawValue]
    ).map { row in
      let id = MeetingID(rawValue: row[0])
      let minutes = try Row.fetchOne(
        db.cachedStatement(
          sql: """
            SELECT group_version, text_sealed FROM meeting_minutes WHERE meeting_id = ?
            ORDER BY group_version DESC LIMIT 1
            """), arguments: [id.rawValue]
      ).map { minutes in
        let version: Int = minutes[0]
        return try opener("meeting_minutes", "\(id.rawValue)@\(version)").open(
          minutes[1], column: "text_sealed")
      }
      return Meeting(
        id: id, plannedAt: Timestamp.parse(row[1]) ?? .distantPast,
        agenda: try opener("meetings", id.rawValue).open(optional: row[2], column: "agenda_sealed"),
        attendees: try String.fetchAll(
          db.cachedStatement(
            sql: "SELECT member_id FROM meeting_attendees WHERE meeting_id = ? ORDER BY 1"),
          arguments: [id.rawValue]
        ).map(GroupMemberID.init(rawValue:)),
        minutes: minutes,
        decisions: try Row.fetchAll(
          db.cachedStatement(
            sql: "SELECT id, text_sealed FROM meeting_decisions WHERE meeting_id = ? ORDER BY rowid"
          ),
          arguments: [id.rawValue]
        ).map { decision in
          try opener("meeting_decisions", decision[0]).open(decision[1], column: "text_sealed")
        },
        actionItems: try actionItems(of: id, opener: opener))
    }
  }

  private func actionItems(of meeting: MeetingID, opener: Opener) throws -> [ActionItem] {
    try Row.fetchAll(
      db.cachedStatement(
        sql: """
          SELECT id, text_sealed, owner_member_id, due_date, completed_at FROM meeting_action_items
          WHERE meeting_id = ? ORDER BY rowid
          """), arguments: [meeting.rawValue]
    ).map { row in
      let id = ActionItemID(rawValue: row[0])
      guard let due = try Self.date(row[3], id: id) else {
        throw StoreError.corruptRow(table: "meeting_action_items", id: id.rawValue, reason: "due")
      }
      return ActionItem(
        id: id,
        text: try opener("meeting_action_items", id.rawValue).open(
          row[1], column: "text_sealed"),
        owner: GroupMemberID(rawValue: row[2]), due: due,
        completedAt: (row[4] as String?).flatMap(Timestamp.parse))
    }
  }
}
