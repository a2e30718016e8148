/// The answer to an authorization request, with the policies that determined it and the
/// policies that could not be evaluated.
///
/// ```swift
/// let decision = policies.isAuthorized(request, entities: entities)
/// if decision.isAllowed { print("allowed by", decision.reasons) }
/// ```
public struct Decision: Sendable, Equatable {
  public let isAllowed: Bool
  /// Ids of the satisfied forbids (deny) or permits (allow); empty for a default deny.
  public let reasons: [PolicyID]
  public let errors: [PolicyEvaluationError]

  public init(isAllowed: Bool, reasons: [PolicyID], errors: [PolicyEvaluationError]) {
    self.isAllowed = isAllowed
    self.reasons = reasons
    self.errors = errors
  }
}
