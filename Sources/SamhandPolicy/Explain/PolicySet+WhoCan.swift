extension PolicySet {
  /// The principals among `principals` that may take `action` on `resource`, found by deciding
  /// each request (so the list cannot disagree with `isAuthorized`). Policies whose action or
  /// resource scope cannot match are set aside once, not once per principal.
  public func whoCan(
    action: EntityUID, resource: EntityUID, among principals: [EntityUID], entities: Entities,
    context: [String: CedarValue] = [:]
  ) -> [EntityUID] {
    let actionAncestors = entities.ancestors(of: action)
    let resourceAncestors = entities.ancestors(of: resource)
    let relevant = compiled.filter {
      $0.action(action, actionAncestors) && $0.resource(resource, resourceAncestors)
    }
    let subset = PolicySet(compiled: relevant, schema: schema)
    return principals.filter { principal in
      let request = AuthorizationRequest(
        principal: principal, action: action, resource: resource, context: context)
      return subset.isAuthorized(request, entities: entities).isAllowed
    }
  }
}
