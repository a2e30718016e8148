import Foundation
import SamhandCore

/// `POST /v1/plans/{planId}/groups` (schema `NewGroup`).
struct NewGroupBody: StrictBody {
  let meetingIntervalMonths: Int?
  enum CodingKeys: String, CodingKey, CaseIterable { case meetingIntervalMonths }
}

/// `POST /v1/groups/{groupId}/members` (schema `NewGroupMember`): `kind` says which of the
/// other members apply.
struct NewGroupMemberBody: StrictBody {
  let kind: String
  let staffId: String?
  let relativeId: String?
  let name: String?
  let role: String?
  let organisation: String?
  let contact: String?

  enum CodingKeys: String, CodingKey, CaseIterable {
    case kind, staffId, relativeId, name, role, organisation, contact
  }

  func member() throws -> NewGroupMember {
    let memberKind: GroupMember.Kind = try Field.vocabulary(kind, field: "kind")
    switch memberKind {
    case .staff:
      return .staff(
        try Field.staffID(try required(staffId, "staffId"), field: "staffId"),
        role: try role.map { try Field.text($0, field: "role", max: 200) })
    case .external:
      return .external(
        name: try Field.text(try required(name, "name"), field: "name", max: 200),
        role: try Field.text(try required(role, "role"), field: "role", max: 200),
        organisation: try organisation.map { try Field.text($0, field: "organisation", max: 200) },
        contact: try contact.map { try Field.text($0, field: "contact", max: 200) })
    case .recipient: return .recipient
    case .relative:
      return .relative(try Field.id(try required(relativeId, "relativeId"), field: "relativeId"))
    }
  }

  private func required(_ value: String?, _ field: String) throws -> String {
    guard let value else {
      throw Problem.invalid(field, "'\(field)' is required for a member of kind '\(kind)'")
    }
    return value
  }
}

/// `POST /v1/groups/{groupId}/meetings` (schema `NewMeeting`).
struct NewMeetingBody: StrictBody {
  let plannedAt: String
  let agenda: String?
  enum CodingKeys: String, CodingKey, CaseIterable { case plannedAt, agenda }
}

/// `POST /v1/meetings/{meetingId}/minutes` (schema `NewMinutes`).
struct NewMinutesBody: StrictBody {
  struct ItemBody: StrictBody {
    let text: String
    let owner: String
    let due: String
    enum CodingKeys: String, CodingKey, CaseIterable { case text, owner, due }
  }

  let text: String
  let attendees: [String]?
  let decisions: [String]?
  let actionItems: [ItemBody]?

  enum CodingKeys: String, CodingKey, CaseIterable { case text, attendees, decisions, actionItems }

  static func checkNested(_ object: [String: Any]) throws {
    try ItemBody.checkItems(of: object, "actionItems")
  }

  func minutes() throws -> NewMinutes {
    try NewMinutes(
      text: try Field.text(text, field: "text", max: 20000),
      attendees: try Field.ids(attendees ?? [], field: "attendees"),
      decisions: try (decisions ?? []).enumerated().map { index, decision in
        try Field.text(decision, field: "decisions.\(index)")
      },
      actionItems: try (actionItems ?? []).enumerated().map { index, item in
        let field = "actionItems.\(index)"
        guard let due = try Field.date(item.due, field: "\(field).due") else {
          throw Problem.invalid("\(field).due", "'\(field).due' is required")
        }
        return NewMinutes.Item(
          text: try Field.text(item.text, field: "\(field).text"),
          owner: try Field.id(item.owner, field: "\(field).owner"), due: due)
      })
  }
}
