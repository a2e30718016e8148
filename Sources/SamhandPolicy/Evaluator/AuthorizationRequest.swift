/// The question a caller asks: may this principal take this action on this resource, in this
/// context?
///
/// ```swift
/// let request = AuthorizationRequest(
///   principal: EntityUID(type: "Staff", id: "s1"), action: EntityUID(type: "Action", id: "read"),
///   resource: EntityUID(type: "Recipient", id: "r1"), context: ["purpose": "treatment"])
/// ```
public struct AuthorizationRequest: Sendable {
  public let principal: EntityUID
  public let action: EntityUID
  public let resource: EntityUID
  public let context: [String: CedarValue]

  public init(
    principal: EntityUID, action: EntityUID, resource: EntityUID,
    context: [String: CedarValue] = [:]
  ) {
    self.principal = principal
    self.action = action
    self.resource = resource
    self.context = context
  }
}
