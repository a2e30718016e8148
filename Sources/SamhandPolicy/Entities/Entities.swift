/// The entity store a decision reads: attributes and the transitive `in` hierarchy, computed once
/// when the store is built so that every `in` test is one set lookup.
///
/// ```swift
/// let entities = Entities([nurse, Entity(uid: EntityUID(type: "Service", id: "tsb"))])
/// entities.isDescendant(nurse.uid, of: EntityUID(type: "Service", id: "tsb"))  // true
/// ```
public struct Entities: Sendable {
  struct Stored: Sendable {
    let entity: Entity
    let ancestors: Set<EntityUID>
  }

  let stored: [EntityUID: Stored]

  /// Builds the store; a later entity with the same uid replaces an earlier one. With a schema,
  /// the schema's actions and their groups are added unless the data lists them.
  public init(_ entities: [Entity], schema: Schema? = nil) {
    var byUID: [EntityUID: Entity] = [:]
    for action in schema?.actionEntities ?? [] { byUID[action.uid] = action }
    for entity in entities { byUID[entity.uid] = entity }
    var stored: [EntityUID: Stored] = [:]
    for (uid, entity) in byUID {
      stored[uid] = Stored(entity: entity, ancestors: Self.ancestors(of: entity, in: byUID))
    }
    self.stored = stored
  }

  private static func ancestors(of entity: Entity, in byUID: [EntityUID: Entity]) -> Set<EntityUID>
  {
    var seen: Set<EntityUID> = []
    var pending = Array(entity.parents)
    while let next = pending.popLast() {
      guard seen.insert(next).inserted else { continue }
      if let parent = byUID[next] { pending.append(contentsOf: parent.parents) }
    }
    return seen
  }

  /// All entities, in no particular order.
  public var all: [Entity] { stored.values.map(\.entity) }

  public subscript(uid: EntityUID) -> Entity? { stored[uid]?.entity }

  /// Cedar's `in`: equal, or an ancestor through any chain of parents.
  public func isDescendant(_ uid: EntityUID, of ancestor: EntityUID) -> Bool {
    uid == ancestor || (stored[uid]?.ancestors.contains(ancestor) ?? false)
  }

  /// All ancestors of `uid` (empty for an entity not in the store).
  func ancestors(of uid: EntityUID) -> Set<EntityUID> {
    stored[uid]?.ancestors ?? []
  }

  /// Whether the hierarchy has a cycle (Cedar refuses such entity data).
  var cycleMember: EntityUID? {
    stored.first { $0.value.ancestors.contains($0.key) }?.key
  }
}
