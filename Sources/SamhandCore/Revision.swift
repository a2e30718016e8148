import Foundation

/// A revision (evaluering) of the plan: what the evaluation found, which goals changed status,
/// and when the plan is looked at next (L5). Kept as history, never overwritten.
public struct Revision: Sendable, Equatable, Encodable {
  public let id: RevisionID
  public let planVersion: Int
  public let revisedOn: CalendarDate
  public let evaluation: Protected<String>
  public let goalChanges: [GoalStatusChange]
  public let nextRevision: CalendarDate?
  public let recordedBy: StaffID
  public let recordedAt: Date

  public init(
    id: RevisionID, planVersion: Int, revisedOn: CalendarDate, evaluation: Protected<String>,
    goalChanges: [GoalStatusChange], nextRevision: CalendarDate?, recordedBy: StaffID,
    recordedAt: Date
  ) {
    self.id = id
    self.planVersion = planVersion
    self.revisedOn = revisedOn
    self.evaluation = evaluation
    self.goalChanges = goalChanges
    self.nextRevision = nextRevision
    self.recordedBy = recordedBy
    self.recordedAt = recordedAt
  }
}

/// One goal's new status, set by a revision or on its own.
public struct GoalStatusChange: Sendable, Equatable, Encodable {
  public let goal: GoalID
  public let status: Goal.Status

  public init(goal: GoalID, status: Goal.Status) {
    self.goal = goal
    self.status = status
  }
}

/// A new revision; validated before anything is written.
public struct NewRevision: Sendable, Equatable {
  public let revisedOn: CalendarDate
  public let evaluation: String
  public let goalChanges: [GoalStatusChange]
  public let nextRevision: CalendarDate?

  public init(
    revisedOn: CalendarDate, evaluation: String, goalChanges: [GoalStatusChange] = [],
    nextRevision: CalendarDate? = nil, today: CalendarDate
  ) throws(PlanError) {
    guard !evaluation.trimmingSpaces.isEmpty else { throw .emptyField("the evaluation") }
    guard revisedOn <= today else { throw .dateInFuture("the revision date") }
    if let nextRevision, nextRevision < revisedOn {
      throw .endBeforeStart("the revision (next revision before this one)")
    }
    self.revisedOn = revisedOn
    self.evaluation = evaluation
    self.goalChanges = goalChanges
    self.nextRevision = nextRevision
  }
}
