import Foundation

extension Entities {
  /// Reads Cedar's JSON entity format: a list of `{"uid", "attrs", "parents"}` objects.
  /// Refuses duplicate uids with different data and cycles in the parent hierarchy. With a
  /// schema, implicit entity references are read as the schema declares them and the schema's
  /// action hierarchy is added, as Cedar does.
  public init(json data: Data, schema: Schema? = nil) throws(EntityDataError) {
    guard case .array(let items) = try JSONValue.parse(data) else {
      throw .invalid(path: "entities", detail: "expected a JSON array of entities")
    }
    var entities: [Entity] = []
    var seen: [EntityUID: Entity] = [:]
    for (index, item) in items.enumerated() {
      var entity = try Entity(json: item, path: "entities[\(index)]")
      if let schema { entity = schema.conform(entity) }
      if let earlier = seen[entity.uid] {
        guard earlier.attributes == entity.attributes, earlier.parents == entity.parents else {
          throw .duplicateEntity(entity.uid)
        }
      }
      seen[entity.uid] = entity
      entities.append(entity)
    }
    self.init(entities, schema: schema)
    if let member = cycleMember { throw .cycle(member) }
  }
}

extension Entity {
  init(json: JSONValue, path: String) throws(EntityDataError) {
    guard case .object(let fields) = json, let uidJSON = fields["uid"] else {
      throw .invalid(path: path, detail: "expected an object with `uid`, `attrs`, `parents`")
    }
    let uid = try EntityUID(json: uidJSON, path: path + ".uid")
    var attributes: [String: CedarValue] = [:]
    switch fields["attrs"] {
    case .object(let attrs)?:
      for (key, value) in attrs {
        attributes[key] = try CedarValue(json: value, path: "\(path).attrs.\(key)")
      }
    case nil, .null?: break
    case let other?:
      throw .invalid(path: path + ".attrs", detail: "expected an object, got \(other.kindName)")
    }
    var parents: Set<EntityUID> = []
    switch fields["parents"] {
    case .array(let items)?:
      for (index, item) in items.enumerated() {
        parents.insert(try EntityUID(json: item, path: "\(path).parents[\(index)]"))
      }
    case nil, .null?: break
    case let other?:
      throw .invalid(path: path + ".parents", detail: "expected an array, got \(other.kindName)")
    }
    self.init(uid: uid, attributes: attributes, parents: parents)
  }
}
