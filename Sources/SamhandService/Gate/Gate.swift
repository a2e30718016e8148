import Foundation
import SamhandAudit
import SamhandCore
import SamhandPolicy
import SamhandStore

/// One gated request: who, what, why.
struct GateRequest {
  let actor: Actor
  let action: PolicyAction
  /// The audit log's name for the use case, e.g. `recipient.show`.
  let auditAction: String
  let purpose: String
  let requestID: String
  /// For `assign`: the staff member being brought in.
  var assignTarget: StaffID? = nil
  /// For `erase`: who asked for the erasure being decided (`context.requestedBy`).
  var erasureRequester: StaffID? = nil
  /// For reads: where to leave the audit entry when the caller commits it (`Gate.read`).
  var deferredAudit: DeferredAudit? = nil
  /// A bearer token the gate must confirm before it decides (`BearerCredential`).
  var bearer: BearerCredential? = nil
}

/// The one gate (DESIGN invariant 1) every use case on recipient data goes through: one
/// decision path (`judge`: authenticate the actor, resolve the target, gather the facts the
/// policies read, decide, make the audit entry) and three modes: `write` (decide, audit and
/// write in one transaction), `read` (decide and read on one snapshot, the entry durable
/// before anything is answered) and `list` (narrow by the policies, decide each row, read
/// and audit what is returned, on one snapshot).
///
/// ```swift
/// let plan = try gate.read(request, notFound: missing, resolve: { _ in .record(id, .plan) }) {
///   transaction, _ in try transaction.plan(planID)
/// }
/// ```
struct Gate: Sendable {
  let store: any Store
  /// Batches the gate's writes from concurrent requests into shared transactions.
  let committer: GroupCommitter
  let decider: any AccessDecider
  /// The digest of the policy set `decider` was loaded from, recorded in every entry.
  let policyDigest: String?
  let clock: any WallClock
  /// Access facts read snapshots gathered, reused until the store's access generation moves.
  let accessCache: AccessFactsCache
  /// Policies lists could not narrow by, logged and counted.
  let listWarnings: ListWarnings
}

extension SamhandService {
  /// The gate over this service's store, policies and clock.
  var gate: Gate {
    Gate(
      store: store, committer: committer, decider: decider, policyDigest: policyDigest,
      clock: clock, accessCache: accessCache, listWarnings: listWarnings)
  }
}

extension Gate {
  /// Write mode: resolve the actor → build the policy request →
  /// decide → append the audit entry → perform the operation, all in one write transaction.
  /// A denial is audited and committed, then reported as `target.denial`, or for recipient
  /// data as the caller's `notFound` (what a missing consent id, national id or recipient
  /// answers, so a denial reveals nothing). If `perform` or the store fails after an allow,
  /// nothing of it stays, and the failed attempt is audited apart.
  ///
  /// `resolve` finds the target inside the transaction (e.g. the recipient of a consent id);
  /// nil means there is no such thing, which is audited and answered like a denial.
  func write<T>(
    _ request: GateRequest, notFound: ServiceError,
    resolve: (StoreTransaction) throws -> GateTarget?,
    perform: (StoreTransaction, GateTarget) throws -> T
  ) throws -> T {
    let now = clock.now
    var allowedEvent: AuditEvent?
    do {
      let outcome: Result<T, ServiceError> = try committer.write(store) { transaction in
        switch try judge(request, notFound: notFound, in: transaction, resolve: resolve, at: now) {
        case .refused(let entry, let error):
          try transaction.appendAudit(entry)
          return .failure(error)
        case .allowed(let entry, let target):
          try transaction.appendAudit(entry)
          allowedEvent = entry
          return .success(try perform(transaction, target))
        }
      }
      return try outcome.get()
    } catch {
      if var failed = allowedEvent {
        failed.outcome = .failed
        _ = try? committer.write(store) { try $0.appendAudit(failed) }
      }
      throw error
    }
  }

  /// What the gate makes of a request before anything is performed: the audit entry to append
  /// and, for an allow, the target to perform on; for anything else, the error to answer.
  enum Judgement {
    case allowed(AuditEvent, GateTarget)
    case refused(AuditEvent, ServiceError)
  }

  /// Resolves the actor and the target and decides, reading `transaction` only (its facts
  /// through `reader`): the first half of the gate, shared by writes (in their write
  /// transaction) and reads (on a snapshot).
  func judge(
    _ request: GateRequest, notFound: ServiceError, in transaction: StoreTransaction,
    reader: FactsReader = .live, resolve: (StoreTransaction) throws -> GateTarget?,
    at now: Date
  ) throws -> Judgement {
    guard try bearerHolds(request, in: transaction, reader: reader, at: now),
      let staff = try reader.staff(request.actor.staffID, in: transaction)
    else {
      return .refused(event(request, target: nil, decision: nil, at: now), .unauthenticated)
    }
    guard let target = try resolve(transaction) else {
      return .refused(
        event(request, target: nil, decision: nil, at: now), request.refusal(notFound))
    }
    var assignTarget: Staff?
    if let id = request.assignTarget {
      guard let staff = try reader.staff(id, in: transaction) else {
        return .refused(
          failedAttempt(request, at: now), .notFound(kind: "staff member", id: id.rawValue))
      }
      assignTarget = staff
    }
    let facts = try AccessFacts.gather(
      transaction, principal: staff, target: target, assignTarget: assignTarget, at: now,
      reader: reader)
    let evaluation = decide(request, target: target, facts: facts, at: now)
    let entry = event(
      request, target: target, decision: evaluation, service: staff.services.first, at: now)
    // Recipient data: the caller's not-found, word for word what a missing one gets.
    guard evaluation.isAllowed else {
      return .refused(entry, request.refusal(target.denial ?? notFound))
    }
    return .allowed(entry, target)
  }

  /// Whether the request's bearer token, if it carries one, is live in `transaction` and the
  /// request's actor's; confirms the credential when it is.
  func bearerHolds(
    _ request: GateRequest, in transaction: StoreTransaction, reader: FactsReader, at now: Date
  ) throws -> Bool {
    guard let bearer = request.bearer else { return true }
    guard bearer.actor.staffID == request.actor.staffID else { return false }
    return bearer.confirm(by: try reader.token(bearer.tokenHash, in: transaction), at: now)
  }

  /// Checks a gated use case's input before the gate. A refusal is audited as the actor's
  /// failed attempt (no decision made), then reported; nothing else is written.
  func validated<T>(_ request: GateRequest, _ check: () throws -> T) throws -> T {
    do {
      return try check()
    } catch {
      _ = try? committer.write(store) { try $0.appendAudit(failedAttempt(request, at: clock.now)) }
      throw error
    }
  }

  /// The audit entry of an attempt refused before any decision: bad input from a known actor.
  private func failedAttempt(_ request: GateRequest, at now: Date) -> AuditEvent {
    var attempt = event(request, target: nil, decision: nil, at: now)
    attempt.decision = .notEvaluated
    attempt.outcome = .failed
    return attempt
  }

  /// A decision and whether it rests on emergency access. A decision whose evaluation hit
  /// an error counts as a denial: Cedar skips a policy that errors, and a skipped forbid must
  /// never turn into an allow (fail closed).
  struct Evaluation {
    let decision: Decision
    let breakGlass: Bool

    var isAllowed: Bool { decision.isAllowed && decision.errors.isEmpty }
  }

  /// Decides without emergency access first; only a read the actor could not otherwise make,
  /// while they hold a live grant, is decided again under it — and so flagged.
  func decide(
    _ request: GateRequest, target: GateTarget, facts: AccessFacts, at now: Date
  ) -> Evaluation {
    let entities = facts.entities(for: target)
    func ask(breakGlass: Bool) -> Decision {
      decider.decide(
        Self.authorization(
          facts.principal.id, request.action, target, purpose: request.purpose,
          breakGlass: breakGlass, assignTarget: request.assignTarget,
          requestedBy: request.erasureRequester, at: now),
        entities: entities)
    }
    let ordinary = Evaluation(decision: ask(breakGlass: false), breakGlass: false)
    guard !ordinary.isAllowed, request.action == .view, facts.holdsBreakGlass else {
      return ordinary
    }
    let emergency = Evaluation(decision: ask(breakGlass: true), breakGlass: true)
    return emergency.isAllowed ? emergency : ordinary
  }

  /// The policy request for `principal` taking `action` on `target`, with the context every
  /// policy may read: purpose, emergency access, time, the staff member being assigned, and
  /// who asked for the erasure being decided.
  static func authorization(
    _ principal: StaffID, _ action: PolicyAction, _ target: GateTarget, purpose: String,
    breakGlass: Bool, assignTarget: StaffID?, requestedBy: StaffID? = nil, at now: Date
  ) -> AuthorizationRequest {
    var context: [String: CedarValue] = [
      "purpose": .string(purpose), "breakGlass": .bool(breakGlass),
      "now": .long(Int64(now.timeIntervalSince1970)),
    ]
    if let assignTarget { context["target"] = .entity(.staff(assignTarget)) }
    if let requestedBy { context["requestedBy"] = .entity(.staff(requestedBy)) }
    return AuthorizationRequest(
      principal: .staff(principal), action: action.uid, resource: target.uid, context: context)
  }

  func event(
    _ request: GateRequest, target: GateTarget?, decision: Evaluation?,
    service: ServiceCode? = nil, at now: Date
  ) -> AuditEvent {
    let allowed = decision?.isAllowed ?? false
    return AuditEvent(
      timeMillis: Int64((now.timeIntervalSince1970 * 1000).rounded(.down)),
      actor: request.actor.staffID.rawValue, actorService: service?.rawValue,
      action: request.auditAction, resourceType: target?.auditResource.type ?? "unknown",
      resourceID: target?.auditResource.id, recipientID: target?.recipientID?.rawValue,
      decision: allowed ? .allow : .deny,
      policyIDs: decision?.decision.reasons.map(\.rawValue) ?? [],
      purpose: request.purpose, breakGlass: decision?.breakGlass ?? false,
      requestID: request.requestID, channel: request.actor.channel == .http ? .http : .cli,
      outcome: allowed ? .success : .denied, osUser: request.actor.osUser,
      policyDigest: policyDigest)
  }
}

extension GateRequest {
  /// What a refused request is answered: `error`, or, when it stated no purpose, that a
  /// purpose is required, whatever the target (so the answer reveals nothing about it).
  func refusal(_ error: ServiceError) -> ServiceError {
    purpose.isEmpty ? .purposeRequired : error
  }
}
