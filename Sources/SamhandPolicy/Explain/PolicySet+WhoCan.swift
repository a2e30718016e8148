extension PolicySet {
  /// The principals among `principals` that may take `action` on `resource`, found by evaluating
  /// the policies for each (so the list cannot disagree with `isAuthorized`). Policies whose
  /// action or resource scope cannot match are set aside once, and each principal stops at the
  /// first satisfied forbid or, failing that, the first satisfied permit.
  public func whoCan(
    action: EntityUID, resource: EntityUID, among principals: [EntityUID], entities: Entities,
    context: [String: CedarValue] = [:]
  ) -> [EntityUID] {
    let actionAncestors = entities.ancestors(of: action)
    let resourceAncestors = entities.ancestors(of: resource)
    let relevant = compiled.filter {
      $0.action(action, actionAncestors) && $0.resource(resource, resourceAncestors)
    }
    let forbids = relevant.filter(\.isForbid)
    let permits = relevant.filter { !$0.isForbid }
    return principals.filter { principal in
      let request = AuthorizationRequest(
        principal: principal, action: action, resource: resource, context: context)
      let environment = Environment(request, entities: entities)
      let principalAncestors = entities.ancestors(of: principal)
      func satisfied(_ policy: CompiledPolicy) -> Bool {
        guard policy.principal(principal, principalAncestors) else { return false }
        return (try? policy.conditionHolds(environment)) ?? false
      }
      return !forbids.contains(where: satisfied) && permits.contains(where: satisfied)
    }
  }
}
