import Foundation
import SamhandCore
import SamhandCrypto

/// Reads a whole responsibility group as it stands, or as it stood at an earlier version (for
/// the recipient's export: members and meetings added by then, the minutes as they read then),
/// sealed fields opened (or erased).
extension StoreTransaction {
  /// The group as it stands, or as it stood at `version` (nil when there is no such group).
  public func group(_ id: GroupID, atVersion asked: Int? = nil) throws -> Group? {
    guard
      let row = try connection.fetchOne(
        """
        SELECT g.recipient_id, g.plan_id, g.status, g.version, g.meeting_interval_months,
          g.created_at,
          (SELECT c.staff_id FROM plan_coordinators c WHERE c.plan_id = g.plan_id
            AND c.ended_at IS NULL) AS leader_id
        FROM groups g WHERE g.id = \(id.rawValue)
        """)
    else { return nil }
    let recipient = RecipientID(rawValue: try row["recipient_id"])
    let latest: Int = try row["version"]
    let version = min(asked ?? latest, latest)
    guard let current = Group.Status(rawValue: try row["status"]),
      let leader = try row["leader_id"] as String?
    else {
      throw StoreError.corruptRow(table: "groups", id: id.rawValue, reason: "bad status or leader")
    }
    let key = try dataKey(for: recipient)
    let opener: Opener = { table, rowID in
      key.map { FieldSealer(table: table, rowID: rowID, key: $0) }
    }
    return Group(
      id: id, recipientID: recipient, planID: PlanID(rawValue: try row["plan_id"]),
      status: version == latest ? current : .active, version: version,
      leader: StaffID(rawValue: leader),
      meetingIntervalMonths: try row["meeting_interval_months"],
      members: try members(of: id, at: version, opener: opener),
      meetings: try meetings(of: id, at: version, opener: opener),
      createdAt: try row.timestamp("created_at", table: "groups", id: id.rawValue))
  }

  private func members(of group: GroupID, at version: Int, opener: Opener) throws
    -> [GroupMember]
  {
    try connection.fetchAll(
      """
      SELECT id, kind, staff_id, relative_id, name_sealed, role_sealed, organisation_sealed,
        contact_sealed, added_at, ended_at FROM group_members
      WHERE group_id = \(group.rawValue) AND added_in_version <= \(version) ORDER BY rowid
      """
    ).map { row in
      let id = GroupMemberID(rawValue: try row["id"])
      guard let kind = GroupMember.Kind(rawValue: try row["kind"]) else {
        throw StoreError.corruptRow(table: "group_members", id: id.rawValue, reason: "bad kind")
      }
      let sealer = opener("group_members", id.rawValue)
      return GroupMember(
        id: id, kind: kind, staffID: (try row["staff_id"] as String?).map(StaffID.init),
        relativeID: (try row["relative_id"] as String?).map(RelativeID.init),
        name: try sealer.open(optional: row["name_sealed"], column: "name_sealed"),
        role: try sealer.open(optional: row["role_sealed"], column: "role_sealed"),
        organisation: try sealer.open(
          optional: row["organisation_sealed"], column: "organisation_sealed"),
        contact: try sealer.open(optional: row["contact_sealed"], column: "contact_sealed"),
        addedAt: try row.timestamp("added_at", table: "group_members", id: id.rawValue),
        endedAt: try row.optionalTimestamp("ended_at", table: "group_members", id: id.rawValue))
    }
  }

  private func meetings(of group: GroupID, at version: Int, opener: Opener) throws -> [Meeting] {
    try connection.fetchAll(
      """
      SELECT id, planned_at, agenda_sealed FROM meetings
      WHERE group_id = \(group.rawValue) AND added_in_version <= \(version)
      ORDER BY planned_at, rowid
      """
    ).map { row in
      let id = MeetingID(rawValue: try row["id"])
      let minutes = try connection.fetchOne(
        """
        SELECT group_version, text_sealed FROM meeting_minutes
        WHERE meeting_id = \(id.rawValue) AND group_version <= \(version)
        ORDER BY group_version DESC LIMIT 1
        """
      ).map { minutes in
        let written: Int = try minutes["group_version"]
        return try opener("meeting_minutes", "\(id.rawValue)@\(written)").open(
          minutes["text_sealed"], column: "text_sealed")
      }
      return Meeting(
        id: id, plannedAt: try row.timestamp("planned_at", table: "meetings", id: id.rawValue),
        agenda: try opener("meetings", id.rawValue).open(
          optional: row["agenda_sealed"], column: "agenda_sealed"),
        attendees: try connection.fetchValues(
          "SELECT member_id FROM meeting_attendees WHERE meeting_id = \(id.rawValue) ORDER BY 1",
          as: String.self
        ).map(GroupMemberID.init(rawValue:)),
        minutes: minutes,
        decisions: try connection.fetchAll(
          """
          SELECT id, text_sealed FROM meeting_decisions WHERE meeting_id = \(id.rawValue)
          ORDER BY rowid
          """
        ).map { decision in
          try opener("meeting_decisions", try decision["id"]).open(
            decision["text_sealed"], column: "text_sealed")
        },
        actionItems: try actionItems(of: id, opener: opener))
    }
  }

  private func actionItems(of meeting: MeetingID, opener: Opener) throws -> [ActionItem] {
    try connection.fetchAll(
      """
      SELECT id, text_sealed, owner_member_id, due_date, completed_at FROM meeting_action_items
      WHERE meeting_id = \(meeting.rawValue) ORDER BY rowid
      """
    ).map { row in
      let id = ActionItemID(rawValue: try row["id"])
      guard let due = try Self.date(row["due_date"], id: id) else {
        throw StoreError.corruptRow(table: "meeting_action_items", id: id.rawValue, reason: "due")
      }
      return ActionItem(
        id: id,
        text: try opener("meeting_action_items", id.rawValue).open(
          row["text_sealed"], column: "text_sealed"),
        owner: GroupMemberID(rawValue: try row["owner_member_id"]), due: due,
        completedAt: try row.optionalTimestamp(
          "completed_at", table: "meeting_action_items", id: id.rawValue))
    }
  }
}
