import Foundation
import SamhandCore
import SamhandStore

extension SamhandService {
  /// The gate for a list of things about many recipients (the agenda, the caseload): in ONE write
  /// transaction, resolve the actor, find the candidates, decide each distinct target once
  /// with the policies, append one audit entry per decision (allowed or denied), and return
  /// the candidates whose target was allowed. The facts the policies read are gathered once
  /// per recipient. A candidate whose target is denied is left out, as if it did not exist.
  func gateEach<Candidate>(
    _ request: GateRequest, find: (StoreTransaction, Staff) throws -> [Candidate],
    target: (Candidate) -> GateTarget
  ) throws -> [Candidate] {
    let now = clock.now
    let outcome: Result<[Candidate], ServiceError> = try committer.write(store) { transaction in
      guard try bearerHolds(request, in: transaction, reader: .live, at: now),
        let staff = try transaction.staff(request.actor.staffID)
      else {
        try transaction.appendAudit(event(request, target: nil, decision: nil, at: now))
        return .failure(.unauthenticated)
      }
      let candidates = try find(transaction, staff)
      var allowed: [GateTarget: Bool] = [:]
      var facts: [RecipientID: AccessFacts] = [:]
      for candidate in candidates {
        let target = target(candidate)
        guard allowed[target] == nil else { continue }
        let known: AccessFacts
        if let id = target.recipientID, let cached = facts[id] {
          known = cached
        } else {
          known = try AccessFacts.gather(
            transaction, principal: staff, target: target, assignTarget: nil, at: now)
          if let id = target.recipientID { facts[id] = known }
        }
        let evaluation = decide(request, target: target, facts: known, at: now)
        try transaction.appendAudit(
          event(
            request, target: target, decision: evaluation, service: staff.services.first, at: now
          ))
        allowed[target] = evaluation.isAllowed
      }
      // No purpose: every candidate was denied (and audited); the list is refused.
      guard !request.purpose.isEmpty else { return .failure(.purposeRequired) }
      return .success(candidates.filter { allowed[target($0)] == true })
    }
    return try outcome.get()
  }
}
