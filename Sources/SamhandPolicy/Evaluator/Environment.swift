/// What one evaluation reads: the request variables as values and the entity store.
struct Environment: Sendable {
  let principal: CedarValue
  let action: CedarValue
  let resource: CedarValue
  let context: CedarValue
  let entities: Entities

  init(_ request: AuthorizationRequest, entities: Entities) {
    self.principal = .entity(request.principal)
    self.action = .entity(request.action)
    self.resource = .entity(request.resource)
    self.context = .record(request.context)
    self.entities = entities
  }
}

extension Environment {
  /// For folding constants: the variables are never read, the store is empty.
  static let none = Environment(
    AuthorizationRequest(
      principal: EntityUID(type: "", id: ""), action: EntityUID(type: "", id: ""),
      resource: EntityUID(type: "", id: "")),
    entities: Entities([]))
}
