import Foundation
import SamhandAudit
import SamhandCore
import SamhandPolicy
import SamhandStore

/// Why the policies decide as they do about one staff member, one action and one record.
public struct AccessExplanation: Sendable, Encodable {
  public let staffId: String
  public let action: String
  public let resource: String
  public let allowed: Bool
  /// The policies that determined the decision.
  public let policies: [PolicyID]
  /// The policy engine's explanation, with policy file and line.
  public let explanation: String
}

/// The auditors' questions (HTTP and CLI): is the log intact, why is someone allowed or not,
/// who may do something. Each is gated with `readAudit` (on the audit log, or on the
/// recipient asked about) and audited.
extension SamhandService {
  /// Verifies the audit log from the database and the installation's public key, after the
  /// gate has let the actor read the audit log.
  public func verifyAuditLog(as actor: Actor, options: RequestOptions) throws
    -> AuditVerificationReport
  {
    try gate.write(
      request(actor, .readAudit, "audit.verify", options), notFound: .forbidden("the audit log"),
      resolve: { _ in .auditLog }, perform: { _, _ in })
    return try Self.verifyAuditLog(dataDirectory: directory.url)
  }

  /// Decides, without acting, whether `staff` may take `action` on one category of the
  /// recipient's records now, and explains the decision. A look at the recipient: gated like
  /// their access log (`readAudit` on the recipient) and audited with the recipient, so it
  /// shows in their access log.
  public func explainAccess(
    of staff: StaffID, action: PolicyAction, on recipient: RecipientID,
    category: InformationCategory, as actor: Actor, options: RequestOptions
  ) throws -> AccessExplanation {
    let now = clock.now
    let target = GateTarget.record(recipient, category)
    return try gate.write(
      request(actor, .readAudit, "policy.explain", options), notFound: Self.noRecipient(recipient),
      resolve: { try Self.auditedRecipient(recipient, in: $0) },
      perform: { transaction, _ in
        guard let principal = try transaction.staff(staff) else {
          throw ServiceError.notFound(kind: "staff member", id: staff.rawValue)
        }
        let facts = try AccessFacts.gather(
          transaction, principal: principal, target: target, assignTarget: nil, at: now)
        let question = Gate.authorization(
          staff, action, target, purpose: options.purpose, breakGlass: false, assignTarget: nil,
          at: now)
        let entities = facts.entities(for: target)
        let decision = decider.decide(question, entities: entities)
        let text =
          decider.policySet?.explain(question, entities: entities).description
          ?? "\(decision.isAllowed ? "allow" : "deny"): \(decision.reasons.map(\.rawValue).joined(separator: ", "))"
        return AccessExplanation(
          staffId: staff.rawValue, action: action.rawValue, resource: target.uid.description,
          allowed: decision.isAllowed && decision.errors.isEmpty, policies: decision.reasons,
          explanation: text)
      })
  }

  /// Every staff member the policies would let take `action` on one category of the
  /// recipient's records now (without emergency access), sorted by id. Gated and audited as
  /// a look at the recipient, like `explainAccess`.
  public func whoCan(
    _ action: PolicyAction, on recipient: RecipientID, category: InformationCategory,
    as actor: Actor, options: RequestOptions
  ) throws -> [StaffID] {
    let now = clock.now
    let target = GateTarget.record(recipient, category)
    return try gate.write(
      request(actor, .readAudit, "policy.who-can", options), notFound: Self.noRecipient(recipient),
      resolve: { try Self.auditedRecipient(recipient, in: $0) },
      perform: { transaction, _ in
        try transaction.allStaff().filter { staff in
          let facts = try AccessFacts.gather(
            transaction, principal: staff, target: target, assignTarget: nil, at: now)
          let decision = decider.decide(
            Gate.authorization(
              staff.id, action, target, purpose: options.purpose, breakGlass: false,
              assignTarget: nil, at: now),
            entities: facts.entities(for: target))
          return decision.isAllowed && decision.errors.isEmpty
        }.map(\.id).sorted()
      })
  }

  /// The recipient whose audit trail a question is about, as the gate's target; nil when
  /// there is no such recipient.
  static func auditedRecipient(_ recipient: RecipientID, in transaction: StoreTransaction) throws
    -> GateTarget?
  {
    try transaction.registeringService(of: recipient).map { _ in .recipient(recipient) }
  }
}
