import Foundation

/// The individual plan (individuell plan, L1–L6): what the recipient wants, what each service
/// does, who coordinates, and when it is looked at again. One per person at a time; every
/// change is a new `version` (invariant 8), so a stale edit can be refused.
///
/// ```swift
/// let plan = try service.showPlan(id, as: actor)
/// plan.status          // .draft, .active or .closed
/// plan.isRevisionOverdue(on: today)
/// ```
public struct Plan: Sendable, Equatable, Encodable {
  public enum Status: String, Sendable, Codable, CaseIterable {
    case draft, active, closed
  }

  public let id: PlanID
  public let recipientID: RecipientID
  public let status: Status
  public let version: Int
  /// The coordinator now; `coordinators` holds everyone who has been.
  public let coordinator: StaffID
  public let coordinators: [Coordinatorship]
  public let content: PlanContent
  /// The consent that was live and covered `plan` when the plan was activated.
  public let activationConsent: ConsentID?
  public let closeReason: Protected<String?>
  public let goals: [Goal]
  public let measures: [Measure]
  public let references: [PlanReference]
  public let comments: [PlanComment]
  public let revisions: [Revision]
  public let createdBy: StaffID
  public let createdAt: Date

  /// The API's camelCase keys (`recipientId`), as in the rest of the API.
  enum CodingKeys: String, CodingKey {
    case id, status, version, coordinator, coordinators, content, activationConsent, closeReason
    case goals, measures, references, comments, revisions, createdBy, createdAt
    case recipientID = "recipientId"
  }

  public init(
    id: PlanID, recipientID: RecipientID, status: Status, version: Int, coordinator: StaffID,
    coordinators: [Coordinatorship], content: PlanContent, activationConsent: ConsentID?,
    closeReason: Protected<String?>, goals: [Goal], measures: [Measure],
    references: [PlanReference], comments: [PlanComment], revisions: [Revision],
    createdBy: StaffID, createdAt: Date
  ) {
    self.id = id
    self.recipientID = recipientID
    self.status = status
    self.version = version
    self.coordinator = coordinator
    self.coordinators = coordinators
    self.content = content
    self.activationConsent = activationConsent
    self.closeReason = closeReason
    self.goals = goals
    self.measures = measures
    self.references = references
    self.comments = comments
    self.revisions = revisions
    self.createdBy = createdBy
    self.createdAt = createdAt
  }

  /// Active with a next revision date that has passed (L5).
  public func isRevisionOverdue(on today: CalendarDate) -> Bool {
    guard status == .active, let next = content.nextRevision else { return false }
    return next < today
  }
}

/// One coordinator's time on a plan. Changing coordinator is a handover (invariant 5); the
/// ended entries stay as history.
public struct Coordinatorship: Sendable, Equatable, Encodable {
  public let staffID: StaffID
  public let fromVersion: Int
  public let startedAt: Date
  public let endedAt: Date?

  enum CodingKeys: String, CodingKey {
    case fromVersion, startedAt, endedAt
    case staffID = "staffId"
  }

  public init(staffID: StaffID, fromVersion: Int, startedAt: Date, endedAt: Date?) {
    self.staffID = staffID
    self.fromVersion = fromVersion
    self.startedAt = startedAt
    self.endedAt = endedAt
  }
}

/// One version of a plan or group: what changed, by whom, when (invariant 8).
public struct AggregateVersion: Sendable, Equatable, Encodable {
  public let version: Int
  public let change: String
  public let changedBy: StaffID
  public let changedAt: Date

  public init(version: Int, change: String, changedBy: StaffID, changedAt: Date) {
    self.version = version
    self.change = change
    self.changedBy = changedBy
    self.changedAt = changedAt
  }
}
