extension PolicySet {
  /// Decides a request as Cedar does: any satisfied forbid denies; otherwise any satisfied
  /// permit allows; otherwise deny. Policies that error are skipped and listed in `errors`.
  public func isAuthorized(_ request: AuthorizationRequest, entities: Entities) -> Decision {
    let environment = Environment(request, entities: entities)
    let scope = RequestScope(request, entities: entities)
    var permits: [PolicyID] = []
    var forbids: [PolicyID] = []
    var errors: [PolicyEvaluationError] = []
    for policy in compiled where policy.scopeMatches(scope) {
      do {
        guard try policy.conditionHolds(environment) else { continue }
        if policy.isForbid {
          forbids.append(policy.id)
        } else {
          permits.append(policy.id)
        }
      } catch {
        errors.append(PolicyEvaluationError(policy: policy.id, error: error))
      }
    }
    if !forbids.isEmpty { return Decision(isAllowed: false, reasons: forbids, errors: errors) }
    return Decision(isAllowed: !permits.isEmpty, reasons: permits, errors: errors)
  }
}
