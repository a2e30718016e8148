import Foundation
import SamhandCore

/// `POST /v1/recipients/{recipientId}/plans` (schema `NewPlan`) and `PATCH /v1/plans/{planId}`
/// (schema `PlanContentChange`, without `coordinatorId`).
struct PlanContentBody: StrictBody {
  let coordinatorId: String?
  let ownWords: String?
  let childrenNote: String?
  let periodFrom: String?
  let periodUntil: String?
  let nextRevision: String?

  enum CodingKeys: String, CodingKey, CaseIterable {
    case coordinatorId, ownWords, childrenNote, periodFrom, periodUntil, nextRevision
  }

  func change() throws -> PlanContentChange {
    try PlanContentChange(
      ownWords: try ownWords.map { try Field.text($0, field: "ownWords") },
      childrenNote: try childrenNote.map { try Field.text($0, field: "childrenNote") },
      periodFrom: try Field.date(periodFrom, field: "periodFrom"),
      periodUntil: try Field.date(periodUntil, field: "periodUntil"),
      nextRevision: try Field.date(nextRevision, field: "nextRevision"))
  }
}

/// `POST /v1/plans/{planId}/close` (schema `ClosePlan`).
struct ClosePlanBody: StrictBody {
  let reason: String
  enum CodingKeys: String, CodingKey, CaseIterable { case reason }
}

/// `POST /v1/plans/{planId}/goals` (schema `NewGoal`).
struct NewGoalBody: StrictBody {
  let domain: String
  let text: String
  let targetDate: String?
  enum CodingKeys: String, CodingKey, CaseIterable { case domain, text, targetDate }

  func goal() throws -> NewGoal {
    try NewGoal(
      domain: try Field.vocabulary(domain, field: "domain"),
      text: try Field.text(text, field: "text"),
      targetDate: try Field.date(targetDate, field: "targetDate"))
  }
}

/// The status routes of goals and measures (schemas `GoalStatus`, `MeasureStatus`).
struct StatusBody: StrictBody {
  let status: String
  enum CodingKeys: String, CodingKey, CaseIterable { case status }
}

/// `POST /v1/plans/{planId}/measures` (schema `NewMeasure`).
struct NewMeasureBody: StrictBody {
  struct ElementBody: StrictBody {
    let kind: String
    let frequency: String?
    enum CodingKeys: String, CodingKey, CaseIterable { case kind, frequency }
  }

  let kind: String?
  let description: String
  let responsibleService: String
  let contactPerson: String?
  let extent: String?
  let start: String?
  let end: String?
  let status: String?
  let goals: [String]?
  let elements: [ElementBody]?

  enum CodingKeys: String, CodingKey, CaseIterable {
    case kind, description, responsibleService, contactPerson, extent, start, end, status, goals
    case elements
  }

  static func checkNested(_ object: [String: Any]) throws {
    try ElementBody.checkItems(of: object, "elements")
  }

  func measure() throws -> NewMeasure {
    try NewMeasure(
      kind: try kind.map { try Field.vocabulary($0, field: "kind") as Measure.Kind } ?? .service,
      description: try Field.text(description, field: "description"),
      responsibleService: try Field.services([responsibleService], field: "responsibleService")[0],
      contactPerson: try contactPerson.map { try Field.staffID($0, field: "contactPerson") },
      extent: try extent.map { try Field.text($0, field: "extent", max: 500) },
      start: try Field.date(start, field: "start"), end: try Field.date(end, field: "end"),
      status: try status.map { try Field.vocabulary($0, field: "status") as Measure.Status }
        ?? .planned,
      goals: try Field.ids(goals ?? [], field: "goals"),
      elements: try (elements ?? []).enumerated().map { index, element in
        NewMeasure.Element(
          kind: try Field.vocabulary(element.kind, field: "elements.\(index).kind"),
          frequency: try element.frequency.map {
            try Field.text($0, field: "elements.\(index).frequency", max: 200)
          })
      })
  }
}

/// `POST /v1/plans/{planId}/revisions` (schema `NewRevision`).
struct NewRevisionBody: StrictBody {
  struct GoalChangeBody: StrictBody {
    let goalId: String
    let status: String
    enum CodingKeys: String, CodingKey, CaseIterable { case goalId, status }
  }

  let evaluation: String
  let revisedOn: String?
  let nextRevision: String?
  let goalChanges: [GoalChangeBody]?

  enum CodingKeys: String, CodingKey, CaseIterable {
    case evaluation, revisedOn, nextRevision, goalChanges
  }

  static func checkNested(_ object: [String: Any]) throws {
    try GoalChangeBody.checkItems(of: object, "goalChanges")
  }

  func changes() throws -> [GoalStatusChange] {
    try (goalChanges ?? []).enumerated().map { index, change in
      GoalStatusChange(
        goal: try Field.id(change.goalId, field: "goalChanges.\(index).goalId"),
        status: try Field.vocabulary(change.status, field: "goalChanges.\(index).status"))
    }
  }
}

extension StrictBody {
  /// Refuses unknown members in the objects of the array `object[key]`, naming
  /// `<key>.<index>.<member>`.
  static func checkItems(of object: [String: Any], _ key: String) throws {
    for (index, item) in (object[key] as? [Any] ?? []).enumerated() {
      guard let member = item as? [String: Any] else { continue }
      try checkMembers(member, path: "\(key).\(index).")
    }
  }
}

extension Field {
  /// One of a closed list of names (a status, a kind, a life domain), refused naming the list.
  static func vocabulary<Value: RawRepresentable & CaseIterable>(_ text: String, field: String)
    throws -> Value where Value.RawValue == String
  {
    guard let value = Value(rawValue: text) else {
      let known = Value.allCases.map(\.rawValue).joined(separator: ", ")
      throw Problem.invalid(field, "'\(field)' must be one of \(known)")
    }
    return value
  }

  /// An id of the given kind inside a body.
  static func id<Kind: IdentifierKind>(_ text: String, field: String) throws -> Identifier<Kind> {
    guard SamhandRequestContext.isID(text, prefix: Kind.prefix) else {
      throw Problem.invalid(field, "'\(field)' must be an id of the form \(Kind.prefix)-<uuid>")
    }
    return Identifier(rawValue: text)
  }

  static func ids<Kind: IdentifierKind>(_ texts: [String], field: String) throws
    -> [Identifier<Kind>]
  {
    try texts.enumerated().map { index, text in try id(text, field: "\(field).\(index)") }
  }

  /// An RFC 3339 date-time such as `2026-05-04T10:00:00Z`.
  static func dateTime(_ text: String, field: String) throws -> Date {
    guard let date = try? Date.ISO8601FormatStyle().parse(text) else {
      throw Problem.invalid(field, "'\(field)' must be a date-time like 2026-05-04T10:00:00Z")
    }
    return date
  }
}
