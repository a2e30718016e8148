/// What the policies may talk about: the entity types with their attributes and parents, and
/// the actions with the principal and resource types they apply to. Read from Cedar's JSON
/// schema format; the validator checks every policy against it before a set is accepted.
///
/// ```swift
/// let schema = try Schema(json: data, fileName: "schema.cedarschema.json")
/// schema.entityTypes["Staff"]?.attributes["service"]?.isRequired  // true
/// ```
public struct Schema: Sendable {
  public let entityTypes: [String: EntityType]
  public let actions: [EntityUID: Action]

  /// An entity type: its attributes and the types its entities may be members of.
  public struct EntityType: Sendable {
    public let name: String
    public let memberOfTypes: [String]
    public let attributes: [String: Attribute]
  }

  /// An action and the requests it applies to.
  public struct Action: Sendable {
    public let uid: EntityUID
    public let principalTypes: [String]
    public let resourceTypes: [String]
    public let context: [String: Attribute]
    public let memberOf: [EntityUID]
  }

  /// A record attribute; optional ones must be tested with `has` before use.
  public struct Attribute: Sendable {
    public let type: SchemaType
    public let isRequired: Bool
  }

  /// Whether `descendant` entities may be members (transitively) of `ancestor` entities.
  func mayBeMember(_ descendant: String, of ancestor: String) -> Bool {
    var seen: Set<String> = []
    var pending = [descendant]
    while let next = pending.popLast() {
      if next == ancestor { return true }
      guard seen.insert(next).inserted else { continue }
      pending += entityTypes[next]?.memberOfTypes ?? []
    }
    return false
  }
}
