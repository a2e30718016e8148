extension Schema {
  /// The actions as entities, with the `memberOf` groups of the schema as parents: with a
  /// schema, Cedar takes the action hierarchy from it rather than from the entity data.
  public var actionEntities: [Entity] {
    var parents: [EntityUID: Set<EntityUID>] = [:]
    for action in actions.values {
      parents[action.uid, default: []].formUnion(action.memberOf)
      for group in action.memberOf where parents[group] == nil { parents[group] = [] }
    }
    return parents.map { Entity(uid: $0.key, parents: $0.value) }
  }

  /// Reads entity data as Cedar does with a schema: attributes the schema declares as entity
  /// references may be written `{"type": …, "id": …}` without `__entity`.
  func conform(_ entity: Entity) -> Entity {
    guard let declared = entityTypes[entity.uid.type] else { return entity }
    var attributes = entity.attributes
    for (name, value) in entity.attributes {
      if let attribute = declared.attributes[name] {
        attributes[name] = value.conformed(to: attribute.type)
      }
    }
    return Entity(uid: entity.uid, attributes: attributes, parents: entity.parents)
  }
}

extension CedarValue {
  func conformed(to type: SchemaType) -> CedarValue {
    switch (type, self) {
    case (.entity, .record(let fields)):
      guard fields.count == 2, case .string(let type)? = fields["type"],
        case .string(let id)? = fields["id"]
      else { return self }
      return .entity(EntityUID(type: type, id: id))
    case (.set(let element), .set(let items)):
      return .set(Set(items.map { $0.conformed(to: element) }))
    case (.record(let attributes), .record(let fields)):
      var result = fields
      for (name, value) in fields {
        if let attribute = attributes[name] { result[name] = value.conformed(to: attribute.type) }
      }
      return .record(result)
    default:
      return self
    }
  }
}
