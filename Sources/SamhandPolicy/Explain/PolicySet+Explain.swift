extension PolicySet {
  /// Decides `request` and says why, naming policies by id, file and line.
  public func explain(_ request: AuthorizationRequest, entities: Entities) -> Explanation {
    let decision = isAuthorized(request, entities: entities)
    var byId: [PolicyID: Explanation.PolicyReference] = [:]
    for policy in policies {
      byId[policy.id] = Explanation.PolicyReference(
        id: policy.id, effect: policy.effect, location: policy.location)
    }
    let determining = decision.reasons.compactMap { byId[$0] }
    var unmatched: [Explanation.PolicyReference] = []
    if !decision.isAllowed, determining.isEmpty {
      let erroredIds = Set(decision.errors.map(\.policy))
      unmatched = compiled.filter {
        $0.policy.effect == .permit && !erroredIds.contains($0.policy.id)
          && $0.scopeMatches(request, entities: entities)
      }.compactMap { byId[$0.policy.id] }
    }
    let errored = decision.errors.compactMap { error in
      byId[error.policy].map { Explanation.ErroredPolicy(policy: $0, message: error.message) }
    }
    return Explanation(
      decision: decision, determining: determining, unmatchedPermits: unmatched, errored: errored)
  }
}
