import Foundation
import SamhandCore
import SamhandStore

/// The plan's parts: goals per life domain, measures (and substance contracts), references to
/// other plans and agreements, comments of the recipient or relatives, and revisions. Each
/// call is one new version of the plan.
extension SamhandService {
  @discardableResult
  public func addGoal(
    _ goal: NewGoal, to plan: PlanID, expectedVersion: Int? = nil, as actor: Actor,
    options: RequestOptions
  ) throws -> Versioned<GoalID> {
    var id: GoalID?
    let version = try changePlan(
      plan, expectedVersion: expectedVersion, request(actor, .update, "plan.goal.add", options),
      change: "goal added",
      then: { transaction, current, version in
        id = try transaction.insertGoal(
          goal, plan: plan, recipient: current.recipientID, version: version, by: actor.staffID)
      }
    ).version
    return try Self.created(id, version)
  }

  /// Sets one goal's status outside a revision.
  @discardableResult
  public func setGoalStatus(
    _ goal: GoalID, _ status: Goal.Status, in plan: PlanID, expectedVersion: Int? = nil,
    as actor: Actor, options: RequestOptions
  ) throws -> Versioned<PlanID> {
    try changePlan(
      plan, expectedVersion: expectedVersion,
      request(actor, .update, "plan.goal.status", options), change: "goal status changed",
      check: { transaction, _ in
        guard try transaction.goalIDs(of: plan).contains(goal) else {
          throw ServiceError.invalid(PlanError.unknownGoal(goal).description)
        }
      },
      then: { transaction, _, version in
        try transaction.insertGoalStatus(
          goal, status, version: version, revision: nil, by: actor.staffID)
      })
  }

  /// Adds a measure. Its responsible service and contact person must exist, the contact
  /// person must work in that service, and its goals must belong to the plan.
  @discardableResult
  public func addMeasure(
    _ measure: NewMeasure, to plan: PlanID, expectedVersion: Int? = nil, as actor: Actor,
    options: RequestOptions
  ) throws -> Versioned<MeasureID> {
    var id: MeasureID?
    let version = try changePlan(
      plan, expectedVersion: expectedVersion,
      request(actor, .update, "plan.measure.add", options), change: "measure added",
      check: { transaction, _ in try Self.checkMeasure(measure, plan: plan, in: transaction) },
      then: { transaction, current, version in
        id = try transaction.insertMeasure(
          measure, plan: plan, recipient: current.recipientID, version: version,
          by: actor.staffID)
      }
    ).version
    return try Self.created(id, version)
  }

  static func checkMeasure(_ measure: NewMeasure, plan: PlanID, in transaction: StoreTransaction)
    throws
  {
    let service = measure.responsibleService
    guard try transaction.serviceExists(service) else {
      throw ServiceError.invalid("unknown service '\(service)' for the measure")
    }
    if let contact = measure.contactPerson {
      guard let staff = try transaction.staff(contact) else {
        throw ServiceError.invalid("unknown staff member '\(contact)' as contact person")
      }
      guard staff.services.contains(service) else {
        throw ServiceError.invalid(
          "\(contact) does not work in \(service), the responsible service")
      }
    }
    let goals = try transaction.goalIDs(of: plan)
    for goal in measure.goals where !goals.contains(goal) {
      throw ServiceError.invalid(PlanError.unknownGoal(goal).description)
    }
  }

  @discardableResult
  public func setMeasureStatus(
    _ measure: MeasureID, _ status: Measure.Status, in plan: PlanID, expectedVersion: Int? = nil,
    as actor: Actor, options: RequestOptions
  ) throws -> Versioned<PlanID> {
    try changePlan(
      plan, expectedVersion: expectedVersion,
      request(actor, .update, "plan.measure.status", options), change: "measure status changed",
      check: { transaction, _ in
        guard try transaction.measureIDs(of: plan).contains(measure) else {
          throw ServiceError.invalid(PlanError.unknownMeasure(measure).description)
        }
      },
      then: { transaction, _, version in
        try transaction.insertMeasureStatus(measure, status, version: version, by: actor.staffID)
      })
  }

  /// References a cooperation agreement or another plan (IOP, KVP, crisis plan; L6).
  @discardableResult
  public func addReference(
    kind: PlanReference.Kind, reference: String, to plan: PlanID, expectedVersion: Int? = nil,
    as actor: Actor, options: RequestOptions
  ) throws -> Versioned<PlanReferenceID> {
    let add = request(actor, .update, "plan.reference.add", options)
    try gate.validated(add) { try Self.nonEmpty(reference, "the reference") }
    var id: PlanReferenceID?
    let version = try changePlan(
      plan, expectedVersion: expectedVersion, add, change: "reference added",
      then: { transaction, current, version in
        id = try transaction.insertPlanReference(
          kind: kind, reference: reference, plan: plan, recipient: current.recipientID,
          version: version, by: actor.staffID)
      }
    ).version
    return try Self.created(id, version)
  }

  /// Records a comment of the recipient (no `relative`) or of one of their next of kin (L4).
  @discardableResult
  public func addComment(
    _ text: String, by relative: RelativeID? = nil, to plan: PlanID, expectedVersion: Int? = nil,
    as actor: Actor, options: RequestOptions
  ) throws -> Versioned<PlanCommentID> {
    let add = request(actor, .update, "plan.comment.add", options)
    try gate.validated(add) { try Self.nonEmpty(text, "the comment") }
    var id: PlanCommentID?
    let version = try changePlan(
      plan, expectedVersion: expectedVersion, add, change: "comment added",
      check: { transaction, current in
        if let relative, !(try transaction.isRelative(relative, of: current.recipientID)) {
          throw ServiceError.invalid("\(relative) is not one of the recipient's next of kin")
        }
      },
      then: { transaction, current, version in
        id = try transaction.insertPlanComment(
          author: relative == nil ? .recipient : .relative, relative: relative, text: text,
          plan: plan, recipient: current.recipientID, version: version, by: actor.staffID)
      }
    ).version
    return try Self.created(id, version)
  }

  /// Records a revision: the evaluation, goal status changes and the next revision date.
  @discardableResult
  public func revisePlan(
    _ plan: PlanID, evaluation: String, revisedOn: CalendarDate? = nil,
    goalChanges: [GoalStatusChange] = [], nextRevision: CalendarDate? = nil,
    expectedVersion: Int? = nil, as actor: Actor, options: RequestOptions
  ) throws -> Versioned<RevisionID> {
    let today = CalendarDate.today(clock)
    let revise = request(actor, .update, "plan.revise", options)
    let revision = try gate.validated(revise) {
      try Self.rule { () throws(PlanError) in
        try NewRevision(
          revisedOn: revisedOn ?? today, evaluation: evaluation, goalChanges: goalChanges,
          nextRevision: nextRevision, today: today)
      }
    }
    var id: RevisionID?
    let version = try changePlan(
      plan, expectedVersion: expectedVersion, revise, change: "revised",
      check: { transaction, _ in
        let goals = try transaction.goalIDs(of: plan)
        for change in revision.goalChanges where !goals.contains(change.goal) {
          throw ServiceError.invalid(PlanError.unknownGoal(change.goal).description)
        }
      },
      fields: { fields in fields.nextRevision = revision.nextRevision ?? fields.nextRevision },
      then: { transaction, current, version in
        id = try transaction.insertRevision(
          revision, plan: plan, recipient: current.recipientID, version: version,
          by: actor.staffID)
      }
    ).version
    return try Self.created(id, version)
  }

  /// Active plans the actor may see whose next revision date has passed (L5): narrowed to the
  /// recipients the policies could allow, each plan shown a decided look audited as
  /// `overdue-revisions.show` (`Gate.list`).
  public func overdueRevisions(as actor: Actor, options: RequestOptions) throws
    -> [Plan]
  {
    let today = CalendarDate.today(clock)
    let query = ListQuery<(PlanID, RecipientID)>(
      name: "overdue-revisions", categories: [.plan],
      fetch: { transaction, _, visible, _, _ in
        try transaction.activePlansWithRevisionBefore(today, visible: visible)
      },
      target: { .record($0.1, .plan) })
    return try gate.list(
      request(actor, .view, "overdue-revisions.show", options), query, page: .whole,
      read: { transaction, candidate in
        try transaction.plan(candidate.0).flatMap { $0.isRevisionOverdue(on: today) ? $0 : nil }
      }
    ).items
  }

  static func created<ID>(_ id: ID?, _ version: Int) throws -> Versioned<ID> {
    guard let id else { throw ServiceError.conflict("nothing was recorded") }
    return Versioned(id: id, version: version)
  }

  static func nonEmpty(_ text: String, _ what: String) throws {
    guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
      throw ServiceError.invalid("\(what) must not be empty")
    }
  }
}
