import Logging
import SamhandPolicy
import Synchronization

/// Policies a list could not narrow by (their residual has a test the store has no query
/// for): each is logged once as a warning naming the policy, and counted, so that an operator
/// (and the lists benchmark) sees when a list falls back to judging every candidate.
final class ListWarnings: Sendable {
  private let seen = Mutex<[PolicyID: Int]>([:])
  private let logger = Logger(label: "samhand.lists")

  func record(_ widenings: [PartialDecision.Widening]) {
    for widening in widenings {
      let first = seen.withLock { counts in
        counts[widening.policyID, default: 0] += 1
        return counts[widening.policyID] == 1
      }
      if first {
        logger.warning(
          "lists judge every candidate for this policy: \(widening)",
          metadata: ["policy": "\(widening.policyID)"])
      }
    }
  }

  /// How often each policy widened a list since the service started.
  var counts: [PolicyID: Int] { seen.withLock { $0 } }
}
