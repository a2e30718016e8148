import Foundation
import SamhandCore
import SamhandStore

/// The responsibility group: one active per recipient, tied to a plan and led by its
/// coordinator; members, meetings, minutes with decisions and action items; what is overdue.
/// Adding a staff member brings them into the care relationship, so it is gated like
/// `assign`: the recipient's consent must cover the newcomer.
extension SamhandService {
  public func createGroup(
    for plan: PlanID, meetingIntervalMonths: Int? = nil, as actor: Actor,
    options: RequestOptions
  ) throws -> GroupID {
    let create = request(actor, .create, "group.create", options)
    let interval = try gate.validated(create) {
      try Self.rule { () throws(PlanError) in
        try MeetingInterval(months: meetingIntervalMonths ?? settings.meetingIntervalMonths)
      }
    }
    let notFound = ServiceError.notFound(kind: "plan", id: plan.rawValue)
    return try hidingRecipient(notFound) {
      try gate.write(
        create, notFound: notFound,
        resolve: { try $0.recipientID(ofPlan: plan).map { .record($0, .group) } },
        perform: { transaction, target in
          guard let recipient = target.recipientID, let current = try transaction.plan(plan)
          else { throw notFound }
          try Self.rule { () throws(PlanError) in try current.status.checkEditable() }
          if let active = try transaction.activeGroupID(of: recipient) {
            throw ServiceError.conflict(
              "the recipient already has an active responsibility group (\(active))")
          }
          return try transaction.insertGroup(
            recipient: recipient, plan: plan, interval: interval, by: actor.staffID)
        })
    }
  }

  public func showGroup(_ id: GroupID, as actor: Actor, options: RequestOptions) throws
    -> Group
  {
    try gateGroup(id, request(actor, .view, "group.show", options)) { transaction, _ in
      guard let group = try transaction.group(id) else { throw Self.noGroup(id) }
      return group
    }
  }

  /// The recipient's active responsibility group (its members, meetings and action items),
  /// gated on the recipient's `group` records and audited as `group.show`, like `showGroup`.
  public func activeGroup(of recipient: RecipientID, as actor: Actor, options: RequestOptions)
    throws -> Group
  {
    try gate.read(
      request(actor, .view, "group.show", options), notFound: Self.noRecipient(recipient),
      resolve: { _ in .record(recipient, .group) },
      read: { transaction, _ in
        guard let id = try transaction.activeGroupID(of: recipient),
          let group = try transaction.group(id)
        else {
          throw ServiceError.notFound(
            kind: "active responsibility group of", id: recipient.rawValue)
        }
        return group
      })
  }

  public func groupHistory(_ id: GroupID, as actor: Actor, options: RequestOptions)
    throws -> [AggregateVersion]
  {
    try gateGroup(id, request(actor, .view, "group.history", options)) { transaction, _ in
      try transaction.groupVersions(id)
    }
  }

  /// Adds a member. A staff member is brought into the recipient's care (gated as `assign`);
  /// the recipient, a relative of theirs or an external participant is a group update.
  @discardableResult
  public func addGroupMember(
    _ member: NewGroupMember, to group: GroupID, expectedVersion: Int? = nil, as actor: Actor,
    options: RequestOptions
  ) throws -> Versioned<GroupMemberID> {
    var add = request(actor, .update, "group.member.add", options)
    var category = InformationCategory.group
    if case .staff(let staff, _) = member {
      add = request(actor, .assign, "group.member.add", options)
      add.assignTarget = staff
      category = .identity
    }
    let checked = try gate.validated(add) {
      try Self.rule { () throws(PlanError) in try member.validated() }
    }
    return try changeGroup(
      group, expectedVersion: expectedVersion, add, category: category, change: "member added"
    ) { transaction, recipient, version in
      if case .relative(let relative) = checked,
        !(try transaction.isRelative(relative, of: recipient))
      {
        throw ServiceError.invalid("\(relative) is not one of the recipient's next of kin")
      }
      guard !(try transaction.hasCurrentMember(checked, in: group)) else {
        throw ServiceError.conflict("already a member of group \(group)")
      }
      return try transaction.insertGroupMember(
        checked, group: group, recipient: recipient, version: version, by: actor.staffID)
    }
  }

  /// Ends a membership; the member stays in the group's history.
  @discardableResult
  public func removeGroupMember(
    _ member: GroupMemberID, from group: GroupID, expectedVersion: Int? = nil, as actor: Actor,
    options: RequestOptions
  ) throws -> Versioned<GroupID> {
    try changeGroup(
      group, expectedVersion: expectedVersion,
      request(actor, .update, "group.member.remove", options), change: "member left"
    ) { transaction, _, _ in
      guard try transaction.endGroupMember(member, of: group, by: actor.staffID) else {
        throw ServiceError.invalid(PlanError.unknownMember(member).description)
      }
      return group
    }
  }

  @discardableResult
  public func planMeeting(
    _ meeting: NewMeeting, in group: GroupID, expectedVersion: Int? = nil, as actor: Actor,
    options: RequestOptions
  ) throws -> Versioned<MeetingID> {
    try changeGroup(
      group, expectedVersion: expectedVersion,
      request(actor, .update, "group.meeting.add", options), change: "meeting planned"
    ) { transaction, recipient, version in
      try transaction.insertMeeting(
        meeting, group: group, recipient: recipient, version: version, by: actor.staffID)
    }
  }

  /// Records (or amends) a meeting's minutes with attendees, decisions and action items. Every
  /// attendee and owner must be a current member of the group.
  @discardableResult
  public func recordMinutes(
    _ minutes: NewMinutes, of meeting: MeetingID, expectedVersion: Int? = nil,
    expectedGroup: GroupID? = nil, as actor: Actor, options: RequestOptions
  ) throws -> Versioned<[ActionItemID]> {
    let record = request(actor, .update, "group.meeting.minutes", options)
    guard let group = try store.read({ try $0.groupID(ofMeeting: meeting) }) else {
      return try auditedNotFound(record, Self.noMeeting(meeting))
    }
    var items: [ActionItemID] = []
    let version = try changeGroup(
      group, expectedVersion: expectedVersion, expectedGroup: expectedGroup, record,
      change: "minutes recorded"
    ) { transaction, recipient, version in
      let members = try transaction.currentMemberIDs(of: group)
      for member in minutes.namedMembers where !members.contains(member) {
        throw ServiceError.invalid(PlanError.unknownMember(member).description)
      }
      items = try transaction.insertMinutes(
        minutes, meeting: meeting, recipient: recipient, version: version, by: actor.staffID)
      return group
    }.version
    return Versioned(id: items, version: version)
  }

  @discardableResult
  public func completeActionItem(
    _ item: ActionItemID, expectedVersion: Int? = nil, expectedGroup: GroupID? = nil,
    as actor: Actor, options: RequestOptions
  ) throws -> Versioned<GroupID> {
    let complete = request(actor, .update, "group.action.complete", options)
    guard let group = try store.read({ try $0.groupID(ofActionItem: item) }) else {
      return try auditedNotFound(
        complete, .notFound(kind: "action item", id: item.rawValue))
    }
    return try changeGroup(
      group, expectedVersion: expectedVersion, expectedGroup: expectedGroup, complete,
      change: "action item done"
    ) { transaction, _, _ in
      guard try transaction.completeActionItem(item, by: actor.staffID) else {
        throw ServiceError.conflict("action item \(item) is already done")
      }
      return group
    }
  }

  @discardableResult
  public func closeGroup(
    _ id: GroupID, expectedVersion: Int? = nil, as actor: Actor, options: RequestOptions
  ) throws -> Versioned<GroupID> {
    try changeGroup(
      id, expectedVersion: expectedVersion, request(actor, .update, "group.close", options),
      change: "closed", close: true
    ) { _, _, _ in id }
  }

  /// Active groups the actor may see whose meeting is overdue (L9).
  public func overdueMeetings(as actor: Actor, options: RequestOptions) throws
    -> [Group]
  {
    let today = CalendarDate.today(clock)
    return try visibleActiveGroups("overdue-meetings", as: actor, options: options) {
      $0.isMeetingOverdue(on: today)
    }
  }

  /// Open action items past their due date, in the active groups the actor may see.
  public func overdueActionItems(as actor: Actor, options: RequestOptions) throws
    -> [ActionItem]
  {
    let today = CalendarDate.today(clock)
    return try visibleActiveGroups("overdue-action-items", as: actor, options: options) {
      !$0.overdueActionItems(on: today).isEmpty
    }.flatMap { $0.overdueActionItems(on: today) }
  }

  /// The active groups the actor may see that `shows` keeps, each a decided look audited as
  /// `LIST.show`: the candidates narrowed to the recipients the policies could allow
  /// (`Gate.list`).
  private func visibleActiveGroups(
    _ list: String, as actor: Actor, options: RequestOptions, shows: (Group) -> Bool
  ) throws -> [Group] {
    let query = ListQuery<(GroupID, RecipientID)>(
      name: list, categories: [.group],
      fetch: { transaction, _, visible, _, _ in try transaction.activeGroups(visible: visible) },
      target: { .record($0.1, .group) })
    return try gate.list(
      request(actor, .view, "\(list).show", options), query, page: .whole,
      read: { transaction, candidate in
        try transaction.group(candidate.0).flatMap { shows($0) ? $0 : nil }
      }
    ).items
  }

  /// Answers a request for something that does not exist through the gate, so that the
  /// attempt is audited like any other not-found.
  func auditedNotFound<T>(_ request: GateRequest, _ notFound: ServiceError) throws -> T {
    try gate.write(
      request, notFound: notFound, resolve: { _ in nil }, perform: { _, _ in throw notFound })
  }

  static func noGroup(_ id: GroupID) -> ServiceError {
    .notFound(kind: "responsibility group", id: id.rawValue)
  }

  static func noMeeting(_ id: MeetingID) -> ServiceError {
    .notFound(kind: "meeting", id: id.rawValue)
  }

  func gateGroup<T>(
    _ id: GroupID, _ request: GateRequest, category: InformationCategory = .group,
    perform: (StoreTransaction, RecipientID) throws -> T
  ) throws -> T {
    try hidingRecipient(Self.noGroup(id)) {
      try gate.perform(
        request, readingIfView: Self.noGroup(id),
        resolve: { try $0.recipientID(ofGroup: id).map { .record($0, category) } },
        perform: { transaction, target in
          guard let recipient = target.recipientID else { throw Self.noGroup(id) }
          return try perform(transaction, recipient)
        })
    }
  }

  /// A gated change of an active group, checked against `expectedVersion` (and, for a change
  /// addressed by a meeting or an action item, against `expectedGroup`: the version must be one
  /// of this group's) and recorded as a new version before `body` runs with it.
  func changeGroup<ID>(
    _ id: GroupID, expectedVersion: Int?, expectedGroup: GroupID? = nil, _ request: GateRequest,
    category: InformationCategory = .group, change: String, close: Bool = false,
    body: (StoreTransaction, RecipientID, Int) throws -> ID
  ) throws -> Versioned<ID> {
    try gateGroup(id, request, category: category) { transaction, recipient in
      guard let group = try transaction.group(id) else { throw Self.noGroup(id) }
      if let expectedGroup, expectedGroup != id {
        throw ServiceError.preconditionFailed(
          "you edited a version of group \(expectedGroup), but this belongs to group \(id); "
            + "reload it and apply your change again")
      }
      try Self.checkVersion(expectedVersion, current: group.version, of: "group \(id)")
      guard group.status == .active else {
        throw ServiceError.conflict(PlanError.closed("the responsibility group").description)
      }
      let version = try transaction.recordGroupChange(
        id, change: change, by: request.actor.staffID, close: close)
      return Versioned(id: try body(transaction, recipient, version), version: version)
    }
  }
}
