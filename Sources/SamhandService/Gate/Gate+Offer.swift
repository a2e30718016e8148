import Foundation
import SamhandCore
import SamhandStore

extension Gate {
  /// Whether the policies would allow `request` on `target` now, decided exactly as `judge`
  /// decides, for a target that holds no recipient data (the audit log itself). Not audited:
  /// nothing is read or done, it only tells a page whether to offer a link, and following
  /// the link is decided and audited again. A target with a recipient is never offered here.
  func wouldAllow(_ request: GateRequest, on target: GateTarget) throws -> Bool {
    guard target.recipientID == nil else { return false }
    let now = clock.now
    return try store.read { snapshot in
      let reader = try FactsReader.cached(accessCache, in: snapshot)
      guard let staff = try reader.staff(request.actor.staffID, in: snapshot) else {
        return false
      }
      let facts = try AccessFacts.gather(
        snapshot, principal: staff, target: target, assignTarget: nil, at: now, reader: reader)
      return decide(request, target: target, facts: facts, at: now).isAllowed
    }
  }
}
