/// The request's entities with their ancestors, looked up once per decision.
struct RequestScope {
  let principal: EntityUID
  let principalAncestors: Set<EntityUID>
  let action: EntityUID
  let actionAncestors: Set<EntityUID>
  let resource: EntityUID
  let resourceAncestors: Set<EntityUID>

  init(_ request: AuthorizationRequest, entities: Entities) {
    principal = request.principal
    principalAncestors = entities.ancestors(of: request.principal)
    action = request.action
    actionAncestors = entities.ancestors(of: request.action)
    resource = request.resource
    resourceAncestors = entities.ancestors(of: request.resource)
  }
}
