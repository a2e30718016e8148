import Foundation

/// The responsibility group (ansvarsgruppe, L9): the people around one recipient who meet at a
/// set interval, led by the plan's coordinator. One active group per recipient; every change
/// is a new `version` (invariant 8).
///
/// ```swift
/// let group = try service.showGroup(id, as: actor)
/// group.isMeetingOverdue(on: today)
/// group.overdueActionItems(on: today)
/// ```
public struct Group: Sendable, Equatable, Encodable {
  public enum Status: String, Sendable, Codable, CaseIterable { case active, closed }

  public let id: GroupID
  public let recipientID: RecipientID
  public let planID: PlanID
  public let status: Status
  public let version: Int
  /// The plan's coordinator, who leads the group.
  public let leader: StaffID
  public let meetingIntervalMonths: Int
  public let members: [GroupMember]
  public let meetings: [Meeting]
  public let createdAt: Date

  /// The API's camelCase keys (`recipientId`, `planId`), as in the rest of the API.
  enum CodingKeys: String, CodingKey {
    case id, status, version, leader, meetingIntervalMonths, members, meetings, createdAt
    case recipientID = "recipientId"
    case planID = "planId"
  }

  public init(
    id: GroupID, recipientID: RecipientID, planID: PlanID, status: Status, version: Int,
    leader: StaffID, meetingIntervalMonths: Int, members: [GroupMember], meetings: [Meeting],
    createdAt: Date
  ) {
    self.id = id
    self.recipientID = recipientID
    self.planID = planID
    self.status = status
    self.version = version
    self.leader = leader
    self.meetingIntervalMonths = meetingIntervalMonths
    self.members = members
    self.meetings = meetings
    self.createdAt = createdAt
  }

  /// Members who have not left.
  public var currentMembers: [GroupMember] { members.filter { $0.endedAt == nil } }
}

/// A member of a responsibility group: a staff member (by id), an external participant
/// (name, role, organisation, contact — sealed), the recipient, or one of their relatives.
public struct GroupMember: Sendable, Equatable, Encodable {
  public enum Kind: String, Sendable, Codable, CaseIterable {
    case staff, external, recipient, relative
  }

  public let id: GroupMemberID
  public let kind: Kind
  public let staffID: StaffID?
  public let relativeID: RelativeID?
  public let name: Protected<String?>
  public let role: Protected<String?>
  public let organisation: Protected<String?>
  public let contact: Protected<String?>
  public let addedAt: Date
  public let endedAt: Date?

  enum CodingKeys: String, CodingKey {
    case id, kind, name, role, organisation, contact, addedAt, endedAt
    case staffID = "staffId"
    case relativeID = "relativeId"
  }

  public init(
    id: GroupMemberID, kind: Kind, staffID: StaffID?, relativeID: RelativeID?,
    name: Protected<String?>, role: Protected<String?>, organisation: Protected<String?>,
    contact: Protected<String?>, addedAt: Date, endedAt: Date?
  ) {
    self.id = id
    self.kind = kind
    self.staffID = staffID
    self.relativeID = relativeID
    self.name = name
    self.role = role
    self.organisation = organisation
    self.contact = contact
    self.addedAt = addedAt
    self.endedAt = endedAt
  }
}

/// Who joins a group; validated before anything is written.
public enum NewGroupMember: Sendable, Equatable {
  case staff(StaffID, role: String? = nil)
  case external(name: String, role: String, organisation: String?, contact: String?)
  case recipient
  case relative(RelativeID)

  /// Checks the free-text parts of an external participant.
  public func validated() throws(PlanError) -> NewGroupMember {
    if case .external(let name, let role, _, _) = self {
      guard !name.trimmingSpaces.isEmpty else { throw .emptyField("the participant's name") }
      guard !role.trimmingSpaces.isEmpty else { throw .emptyField("the participant's role") }
    }
    return self
  }

  public var kind: GroupMember.Kind {
    switch self {
    case .staff: return .staff
    case .external: return .external
    case .recipient: return .recipient
    case .relative: return .relative
    }
  }
}

/// The meeting interval a group keeps, in months; validated against the settings' range.
public struct MeetingInterval: Sendable, Equatable {
  public let months: Int

  public init(months: Int) throws(PlanError) {
    guard (1...24).contains(months) else {
      throw .unknownValue(
        field: "meeting interval", value: "\(months) months", known: ["1 to 24 months"])
    }
    self.months = months
  }
}
