import Foundation
import SamhandCore
import SamhandStore

/// The individual plan's lifecycle: create (draft, with its coordinator), activate (needs a
/// live consent covering `plan`, and no other active plan), close (with a reason), change the
/// plan's own fields, show and list. Every change is a new version (invariant 8); pass the
/// version you edited as `expectedVersion` to have a stale edit refused.
extension SamhandService {
  /// Creates a draft plan with its coordinator. The coordinator must already be in the
  /// recipient's care (the registering service, an assignment, the group): naming someone
  /// here brings no one new in — assign them first. And it must be the one who holds
  /// responsibility for the recipient: the coordinator changes only by handover.
  public func createPlan(
    recipient: RecipientID, coordinator: StaffID, content: PlanContentChange? = nil,
    as actor: Actor, options: RequestOptions
  ) throws -> PlanID {
    try gate.write(
      request(actor, .create, "plan.create", options), notFound: Self.noRecipient(recipient),
      resolve: { _ in .record(recipient, .plan) },
      perform: { transaction, _ in
        guard let staff = try transaction.staff(coordinator), staff.active else {
          throw ServiceError.invalid("unknown or deactivated staff member '\(coordinator)'")
        }
        let registeredBy = try transaction.registeringService(of: recipient)
        let inCare =
          try transaction.careTeam(of: recipient).contains(coordinator)
          || registeredBy.map(staff.services.contains) ?? false
        guard inCare else {
          throw ServiceError.conflict(
            "\(coordinator) has no care relationship to \(recipient); "
              + "assign them first (samhand recipient assign)")
        }
        try Self.checkHolder(coordinator, of: recipient, in: transaction)
        return try transaction.insertPlan(
          recipient: recipient, coordinator: coordinator,
          content: content ?? (try Self.rule { () throws(PlanError) in try PlanContentChange() }),
          by: actor.staffID)
      })
  }

  /// A new plan's coordinator is whoever holds responsibility (invariant 5): another name
  /// would change the coordinator without a handover.
  static func checkHolder(
    _ coordinator: StaffID, of recipient: RecipientID, in transaction: StoreTransaction
  ) throws {
    guard let holder = try transaction.responsibility(of: recipient),
      holder.staff != coordinator
    else { return }
    let who = holder.staff.map { "\($0)" } ?? "service \(holder.service), with no one named"
    throw ServiceError.conflict(
      "responsibility for \(recipient) lies with \(who); a plan's coordinator is its holder, "
        + "so propose a coordinator-change handover to \(coordinator) instead")
  }

  /// The plan as it stands, with its goals, measures, references, comments and revisions.
  public func showPlan(_ id: PlanID, as actor: Actor, options: RequestOptions) throws
    -> Plan
  {
    try gatePlan(id, request(actor, .view, "plan.show", options)) { transaction, _ in
      guard let plan = try transaction.plan(id) else {
        throw ServiceError.notFound(kind: "plan", id: id.rawValue)
      }
      return plan
    }
  }

  /// Every version of the plan: what changed, who, when.
  public func planHistory(_ id: PlanID, as actor: Actor, options: RequestOptions)
    throws -> [AggregateVersion]
  {
    try gatePlan(id, request(actor, .view, "plan.history", options)) { transaction, _ in
      try transaction.planVersions(id)
    }
  }

  /// The recipient's plans, oldest first.
  public func plans(of recipient: RecipientID, as actor: Actor, options: RequestOptions)
    throws -> [Plan]
  {
    try gate.read(
      request(actor, .view, "plan.list", options), notFound: Self.noRecipient(recipient),
      resolve: { _ in .record(recipient, .plan) },
      read: { transaction, _ in
        try transaction.planIDs(of: recipient).compactMap { try transaction.plan($0) }
      })
  }

  /// Makes a draft plan active (invariant 5, L2, L3).
  @discardableResult
  public func activatePlan(
    _ id: PlanID, expectedVersion: Int? = nil, as actor: Actor, options: RequestOptions
  ) throws -> Versioned<PlanID> {
    let today = CalendarDate.today(clock)
    var consent: ConsentID?
    return try changePlan(
      id, expectedVersion: expectedVersion, request(actor, .update, "plan.activate", options),
      change: "activated",
      check: { transaction, plan in
        let other = try transaction.activePlanID(of: plan.recipientID).flatMap {
          $0 == id ? nil : $0
        }
        let live = try transaction.liveConsentID(of: plan.recipientID, covering: .plan, on: today)
        consent = try Self.rule { () throws(PlanError) in
          try plan.status.activation(otherActive: other, liveConsent: live)
        }
      },
      fields: { fields in
        fields.status = .active
        fields.activationConsent = consent
      })
  }

  /// Closes a plan with a reason; a closed plan changes no more.
  @discardableResult
  public func closePlan(
    _ id: PlanID, reason: String, expectedVersion: Int? = nil, as actor: Actor,
    options: RequestOptions
  ) throws -> Versioned<PlanID> {
    let close = request(actor, .update, "plan.close", options)
    let reason = try gate.validated(close) {
      try Self.rule { () throws(PlanError) in try CloseReason(reason) }
    }
    return try changePlan(
      id, expectedVersion: expectedVersion, close, change: "closed",
      fields: { fields in
        fields.status = .closed
        fields.closeReason = reason.text
      })
  }

  /// Changes the plan's own fields: own words, the note on children as next of kin, the plan
  /// period, the next revision date. Fields left nil stay as they are.
  @discardableResult
  public func updatePlan(
    _ id: PlanID, _ change: PlanContentChange, expectedVersion: Int? = nil, as actor: Actor,
    options: RequestOptions
  ) throws -> Versioned<PlanID> {
    let update = request(actor, .update, "plan.update", options)
    try gate.validated(update) {
      guard !change.isEmpty else { throw ServiceError.invalid("nothing to change") }
    }
    return try changePlan(
      id, expectedVersion: expectedVersion, update, change: "content changed",
      fields: { fields in
        fields.apply(change)
        if let from = fields.periodFrom, let until = fields.periodUntil, until < from {
          throw ServiceError.invalid("the plan period: the end date is before the start date")
        }
      })
  }
}
