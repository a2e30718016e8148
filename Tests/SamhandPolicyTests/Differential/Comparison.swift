import Foundation
import SamhandPolicy

/// Compares SamhandPolicy's answers on one case with the reference's.
enum Comparison {
  struct Result {
    var compared = 0
    var firstMismatch: Int?
    var coverage = Coverage()
  }

  /// How varied the compared outcomes were, so that a vacuous run cannot pass.
  struct Coverage {
    var allowed = 0
    var forbidden = 0
    var errored = 0
    var refused = 0

    mutating func add(_ other: Coverage) {
      allowed += other.allowed
      forbidden += other.forbidden
      errored += other.errored
      refused += other.refused
    }
  }

  static func outcome(_ decision: Decision) -> ReferenceHarness.Outcome {
    ReferenceHarness.Outcome(
      decision: decision.isAllowed ? "allow" : "deny",
      reasons: Set(decision.reasons.map(\.rawValue)),
      errored: Set(decision.errors.map(\.policy.rawValue)))
  }

  /// Our side of a case: nil outcomes when we refuse the policies or the entities.
  static func ours(_ item: DifferentialCase) -> (parseError: Bool, outcomes: [Outcome?]) {
    guard let policies = try? PolicySet.parse(text: item.policyText) else {
      return (true, [])
    }
    let json = CedarJSON.entities(item.entities)
    guard let entities = try? Entities(json: Data(json.utf8)) else {
      return (false, item.requests.map { _ in nil })
    }
    return (false, item.requests.map { outcome(policies.isAuthorized($0, entities: entities)) })
  }

  typealias Outcome = ReferenceHarness.Outcome

  static func compare(_ item: DifferentialCase, _ reference: ReferenceHarness.CaseResult) -> Result
  {
    var result = Result()
    let mine = ours(item)
    if mine.parseError || reference.parseError {
      result.compared = item.requests.count
      result.coverage.refused = 1
      if mine.parseError != reference.parseError { result.firstMismatch = 0 }
      return result
    }
    for (index, outcome) in mine.outcomes.enumerated() {
      result.compared += 1
      if let outcome {
        if outcome.decision == "allow" { result.coverage.allowed += 1 }
        if outcome.decision == "deny", !outcome.reasons.isEmpty { result.coverage.forbidden += 1 }
        if !outcome.errored.isEmpty { result.coverage.errored += 1 }
      }
      let theirs = index < reference.outcomes.count ? reference.outcomes[index] : nil
      if reference.entitiesError ? outcome != nil : outcome != theirs {
        result.firstMismatch = result.firstMismatch ?? index
      }
    }
    return result
  }
}
