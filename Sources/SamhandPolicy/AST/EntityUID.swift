/// Names one entity — a staff member, a service, an action — by type and id, so that policies,
/// requests and the entity store can refer to the same thing.
///
/// ```swift
/// let staff = EntityUID(type: "Staff", id: "s1")
/// print(staff)  // Staff::"s1"
/// ```
///
/// Equality compares Unicode scalars exactly, as Cedar does (no canonical equivalence).
public struct EntityUID: Sendable, Hashable, CustomStringConvertible {
  /// The type name, namespaced with `::` (e.g. `Samhand::Staff`).
  public let type: String
  /// The entity id inside its type.
  public let id: String

  /// Computed once: uids are hashed and compared on every `in` test.
  private let hashCode: Int

  public init(type: String, id: String) {
    self.type = type
    self.id = id
    var hasher = Hasher()
    hasher.combine(type)
    hasher.combine(id)
    hashCode = hasher.finalize()
  }

  public static func == (lhs: EntityUID, rhs: EntityUID) -> Bool {
    lhs.hashCode == rhs.hashCode && ExactString.equal(lhs.id, rhs.id)
      && ExactString.equal(lhs.type, rhs.type)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(hashCode)
  }

  /// Cedar syntax: `Type::"id"` with the id escaped.
  public var description: String {
    "\(type)::\(CedarString.quoted(id))"
  }
}
