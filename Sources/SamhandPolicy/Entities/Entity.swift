/// One entity of the request's world — a staff member, a service, a recipient — with its
/// attributes and the groups it belongs to directly.
///
/// ```swift
/// let nurse = Entity(uid: EntityUID(type: "Staff", id: "s1"),
///                    attributes: ["service": "tsb"],
///                    parents: [EntityUID(type: "Service", id: "tsb")])
/// ```
public struct Entity: Sendable {
  public let uid: EntityUID
  public let attributes: [String: CedarValue]
  public let parents: Set<EntityUID>

  public init(uid: EntityUID, attributes: [String: CedarValue] = [:], parents: Set<EntityUID> = [])
  {
    self.uid = uid
    self.attributes = attributes
    self.parents = parents
  }
}
