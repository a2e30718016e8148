import Foundation
import SamhandCore
import SamhandCrypto

/// Responsibility groups: members, meetings, minutes, decisions and action items. Rows are
/// appended; a member leaving or an item done sets an end marker, never deletes (invariant 8).
extension StoreTransaction {
  public func insertGroup(
    recipient: RecipientID, plan: PlanID, interval: MeetingInterval, by actor: StaffID
  ) throws -> GroupID {
    let id = GroupID.generate()
    try connection.execute(
      """
      INSERT INTO groups (id, recipient_id, plan_id, status, meeting_interval_months, version,
        created_by, created_at)
      VALUES (\(id.rawValue), \(recipient.rawValue), \(plan.rawValue), 'active',
        \(interval.months), 1, \(actor.rawValue), \(nowText))
      """)
    try insertGroupVersion(id, version: 1, change: "created", by: actor)
    return id
  }

  /// The recipient a group belongs to, for routing a request on a group id to its gate.
  public func recipientID(ofGroup id: GroupID) throws -> RecipientID? {
    try connection.fetchValue(
      "SELECT recipient_id FROM groups WHERE id = \(id.rawValue)", as: String.self
    ).map(RecipientID.init(rawValue:))
  }

  /// The group a meeting belongs to.
  public func groupID(ofMeeting id: MeetingID) throws -> GroupID? {
    try connection.fetchValue(
      "SELECT group_id FROM meetings WHERE id = \(id.rawValue)", as: String.self
    ).map(GroupID.init(rawValue:))
  }

  /// The group an action item belongs to.
  public func groupID(ofActionItem id: ActionItemID) throws -> GroupID? {
    try connection.fetchValue(
      """
      SELECT m.group_id FROM meeting_action_items a JOIN meetings m ON m.id = a.meeting_id
      WHERE a.id = \(id.rawValue)
      """, as: String.self
    ).map(GroupID.init(rawValue:))
  }

  public func groupVersion(_ id: GroupID) throws -> Int? {
    try connection.fetchValue("SELECT version FROM groups WHERE id = \(id.rawValue)", as: Int.self)
  }

  public func activeGroupID(of recipient: RecipientID) throws -> GroupID? {
    try connection.fetchValue(
      "SELECT id FROM groups WHERE recipient_id = \(recipient.rawValue) AND status = 'active'",
      as: String.self
    ).map(GroupID.init(rawValue:))
  }

  /// Every active group's id with its recipient, for agenda-style queries the gate then filters.
  public func activeGroups(visible: RecipientNarrowing) throws -> [(GroupID, RecipientID)] {
    try connection.fetchAll(
      """
      SELECT g.id, g.recipient_id FROM groups g
      WHERE g.status = 'active' AND \(visible.sql(recipient: "g.recipient_id", category: .group))
      ORDER BY g.rowid
      """
    ).map { (GroupID(rawValue: try $0["id"]), RecipientID(rawValue: try $0["recipient_id"])) }
  }

  /// Records one change of the group as a new version; returns the new version number.
  @discardableResult
  public func recordGroupChange(
    _ id: GroupID, change: String, by actor: StaffID, close: Bool = false
  ) throws -> Int {
    guard let current = try groupVersion(id) else {
      throw StoreError.corruptRow(table: "groups", id: id.rawValue, reason: "no such group")
    }
    let next = current + 1
    let closing: StoreSQL = close ? ", status = 'closed', closed_at = \(nowText)" : ""
    try connection.execute(
      """
      UPDATE groups SET version = \(next)\(closing)
      WHERE id = \(id.rawValue) AND version = \(current)
      """)
    try insertGroupVersion(id, version: next, change: change, by: actor)
    return next
  }

  public func groupVersions(_ id: GroupID) throws -> [AggregateVersion] {
    try connection.fetchAll(
      """
      SELECT version, change, changed_by, changed_at FROM group_versions
      WHERE group_id = \(id.rawValue) ORDER BY version
      """
    ).map { try AggregateVersion(row: $0, table: "group_versions", id: id.rawValue) }
  }

  private func insertGroupVersion(_ id: GroupID, version: Int, change: String, by actor: StaffID)
    throws
  {
    try connection.execute(
      """
      INSERT INTO group_versions (group_id, version, change, changed_by, changed_at)
      VALUES (\(id.rawValue), \(version), \(change), \(actor.rawValue), \(nowText))
      """)
  }

  public func insertGroupMember(
    _ member: NewGroupMember, group: GroupID, recipient: RecipientID, version: Int,
    by actor: StaffID
  ) throws -> GroupMemberID {
    let id = GroupMemberID.generate()
    let sealer = try sealer(table: "group_members", rowID: id.rawValue, recipient: recipient)
    func seal(_ text: String?, _ column: String) throws -> Data? {
      try text.map { try sealer.seal($0, column: column) }
    }
    var staff: StaffID?
    var relative: RelativeID?
    var name: String?
    var role: String?
    var organisation: String?
    var contact: String?
    switch member {
    case .staff(let id, let staffRole):
      staff = id
      role = staffRole
    case .external(let externalName, let externalRole, let externalOrganisation, let reach):
      (name, role, organisation, contact) = (
        externalName, externalRole, externalOrganisation, reach
      )
    case .recipient: break
    case .relative(let id): relative = id
    }
    let (nameSealed, roleSealed) = (try seal(name, "name_sealed"), try seal(role, "role_sealed"))
    let organisationSealed = try seal(organisation, "organisation_sealed")
    let contactSealed = try seal(contact, "contact_sealed")
    try connection.execute(
      """
      INSERT INTO group_members (id, group_id, kind, staff_id, relative_id, name_sealed,
        role_sealed, organisation_sealed, contact_sealed, added_in_version, added_by, added_at)
      VALUES (\(id.rawValue), \(group.rawValue), \(member.kind.rawValue), \(staff?.rawValue),
        \(relative?.rawValue), \(nameSealed), \(roleSealed), \(organisationSealed),
        \(contactSealed), \(version), \(actor.rawValue), \(nowText))
      """)
    return id
  }

  /// Ends a membership; false when there was no such current member.
  public func endGroupMember(_ member: GroupMemberID, of group: GroupID, by actor: StaffID) throws
    -> Bool
  {
    try connection.execute(
      """
      UPDATE group_members SET ended_at = \(nowText), ended_by = \(actor.rawValue)
      WHERE id = \(member.rawValue) AND group_id = \(group.rawValue) AND ended_at IS NULL
      """) == 1
  }

  /// Whether a current member of the group already is this staff member, the recipient, or
  /// this relative.
  public func hasCurrentMember(_ member: NewGroupMember, in group: GroupID) throws -> Bool {
    let (column, value): (StoreSQL, String?) =
      switch member {
      case .staff(let id, _): ("staff_id", id.rawValue)
      case .relative(let id): ("relative_id", id.rawValue)
      case .recipient: ("kind", "recipient")
      case .external: ("id", nil)
      }
    guard let value else { return false }
    return try connection.fetchValue(
      """
      SELECT EXISTS (SELECT 1 FROM group_members WHERE group_id = \(group.rawValue)
        AND \(column) = \(value) AND ended_at IS NULL)
      """, as: Bool.self) ?? false
  }

  /// The ids of the group's current members.
  public func currentMemberIDs(of group: GroupID) throws -> Set<GroupMemberID> {
    try idSet(
      "SELECT id FROM group_members WHERE group_id = ? AND ended_at IS NULL", group.rawValue)
  }

  public func insertMeeting(
    _ meeting: NewMeeting, group: GroupID, recipient: RecipientID, version: Int, by actor: StaffID
  ) throws -> MeetingID {
    try insertSealedRow(
      into: "meetings", recipient: recipient,
      columns: [
        "group_id", "planned_at", "agenda_sealed", "added_in_version", "created_by", "created_at",
      ]
    ) { sealer in
      [
        group.rawValue, Timestamp.format(meeting.plannedAt),
        try meeting.agenda.map { try sealer.seal($0, column: "agenda_sealed") }, version,
        actor.rawValue, nowText,
      ]
    }.id
  }

  /// Records the minutes of a meeting (a later call amends: the newest text counts), with
  /// attendees, decisions and action items.
  public func insertMinutes(
    _ minutes: NewMinutes, meeting: MeetingID, recipient: RecipientID, version: Int,
    by actor: StaffID
  ) throws -> [ActionItemID] {
    guard let key = try dataKey(for: recipient) else {
      throw StoreError.recipientErased(recipient.rawValue)
    }
    let sealer = FieldSealer(
      table: "meeting_minutes", rowID: "\(meeting.rawValue)@\(version)", key: key)
    let text = try sealer.seal(minutes.text, column: "text_sealed")
    try connection.execute(
      """
      INSERT INTO meeting_minutes (meeting_id, group_version, text_sealed, recorded_by,
        recorded_at)
      VALUES (\(meeting.rawValue), \(version), \(text), \(actor.rawValue), \(nowText))
      """)
    for member in minutes.attendees {
      try connection.execute(
        """
        INSERT INTO meeting_attendees (meeting_id, member_id)
        VALUES (\(meeting.rawValue), \(member.rawValue)) ON CONFLICT DO NOTHING
        """)
    }
    for decision in minutes.decisions {
      let id = UUID().uuidString.lowercased()
      let decisionSealer = FieldSealer(table: "meeting_decisions", rowID: id, key: key)
      let text = try decisionSealer.seal(decision, column: "text_sealed")
      try connection.execute(
        """
        INSERT INTO meeting_decisions (id, meeting_id, text_sealed, recorded_at)
        VALUES (\(id), \(meeting.rawValue), \(text), \(nowText))
        """)
    }
    return try minutes.actionItems.map { item in
      let id = ActionItemID.generate()
      let itemSealer = FieldSealer(table: "meeting_action_items", rowID: id.rawValue, key: key)
      let text = try itemSealer.seal(item.text, column: "text_sealed")
      try connection.execute(
        """
        INSERT INTO meeting_action_items (id, meeting_id, text_sealed, owner_member_id,
          due_date, recorded_at)
        VALUES (\(id.rawValue), \(meeting.rawValue), \(text), \(item.owner.rawValue),
          \(item.due.description), \(nowText))
        """)
      return id
    }
  }

  /// Marks an action item done; false when it was done already.
  public func completeActionItem(_ id: ActionItemID, by actor: StaffID) throws -> Bool {
    try connection.execute(
      """
      UPDATE meeting_action_items SET completed_at = \(nowText), completed_by = \(actor.rawValue)
      WHERE id = \(id.rawValue) AND completed_at IS NULL
      """) == 1
  }
}
