import Foundation
import SamhandCore
import SamhandStore

/// What every plan and group use case shares: routing an id to its recipient's gate, the
/// If-Match check, and turning plan rules into service errors.
extension SamhandService {
  /// An id with the version of its aggregate after the change, for `--json` and ETags.
  public struct Versioned<ID: Encodable & Sendable>: Encodable, Sendable {
    public let id: ID
    public let version: Int
  }

  /// Runs a plan rule, reporting a broken state rule as a conflict and bad input as invalid.
  static func rule<T>(_ body: () throws(PlanError) -> T) throws(ServiceError) -> T {
    do {
      return try body()
    } catch {
      throw error.isStateConflict ? .conflict(error.description) : .invalid(error.description)
    }
  }

  /// Refuses a write made against an older version than the stored one (invariant 8).
  static func checkVersion(_ expected: Int?, current: Int, of what: String) throws {
    guard let expected, expected != current else { return }
    throw ServiceError.preconditionFailed(
      "\(what) has changed (version \(current), you edited version \(expected)); "
        + "reload it and apply your change again")
  }

  /// A gated request about one plan: routed to the plan's recipient and category `plan`. A
  /// denial reads exactly like a plan that does not exist.
  func gatePlan<T>(
    _ id: PlanID, _ request: GateRequest,
    perform: (StoreTransaction, RecipientID) throws -> T
  ) throws -> T {
    let notFound = ServiceError.notFound(kind: "plan", id: id.rawValue)
    return try hidingRecipient(notFound) {
      try gate.perform(
        request, readingIfView: notFound,
        resolve: { try $0.recipientID(ofPlan: id).map { .record($0, .plan) } },
        perform: { transaction, target in
          guard let recipient = target.recipientID else { throw notFound }
          return try perform(transaction, recipient)
        })
    }
  }

  /// A gated change of one plan: the version checked against `expectedVersion`, a closed plan
  /// refused, `check` run, the change recorded as a new version with `fields` applied, then
  /// `then` run with that version. Returns the new version.
  func changePlan(
    _ id: PlanID, expectedVersion: Int?, _ request: GateRequest, change: String,
    check: (StoreTransaction, Plan) throws -> Void = { _, _ in },
    fields: (inout StoreTransaction.PlanFields) throws -> Void = { _ in },
    then: (StoreTransaction, Plan, Int) throws -> Void = { _, _, _ in }
  ) throws -> Versioned<PlanID> {
    try gatePlan(id, request) { transaction, _ in
      guard let plan = try transaction.plan(id) else {
        throw ServiceError.notFound(kind: "plan", id: id.rawValue)
      }
      try Self.checkVersion(expectedVersion, current: plan.version, of: "plan \(id)")
      try Self.rule { () throws(PlanError) in try plan.status.checkEditable() }
      try check(transaction, plan)
      let version = try transaction.recordPlanChange(
        id, change: change, by: request.actor.staffID, edit: fields)
      try then(transaction, plan, version)
      return Versioned(id: id, version: version)
    }
  }

  /// The gate reports a denied recipient record as "no recipient R"; for a request made by
  /// plan or group id that would name the recipient to someone who may not know them, so the
  /// denial is reported as the requested thing not being found.
  func hidingRecipient<T>(_ notFound: ServiceError, _ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch ServiceError.notFound(kind: "recipient", _) {
      throw notFound
    }
  }
}
