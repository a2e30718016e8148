/// Resolves the type expressions of one schema namespace: primitive names, entity type names
/// (namespace-local first) and common types.
struct SchemaTypeResolver {
  let namespace: String
  let declaredTypes: Set<String>
  let commonTypes: [String: JSONValue]

  func entityName(_ name: String) -> String {
    let local = qualified(name, in: namespace)
    return declaredTypes.contains(local) ? local : name
  }

  func entityType(_ name: String, _ definition: JSONValue) throws(SchemaProblem)
    -> Schema.EntityType
  {
    guard case .object(let fields) = definition else {
      throw SchemaProblem(detail: "entity type `\(name)` must be an object")
    }
    var parents: [String] = []
    if case .array(let items)? = fields["memberOfTypes"] {
      for item in items {
        guard case .string(let parent) = item else {
          throw SchemaProblem(detail: "`memberOfTypes` of `\(name)` must list type names")
        }
        parents.append(entityName(parent))
      }
    }
    var attributes: [String: Schema.Attribute] = [:]
    if let shape = fields["shape"] {
      guard case .record(let fields) = try type(shape, depth: 0) else {
        throw SchemaProblem(detail: "the shape of `\(name)` must be a Record")
      }
      attributes = fields
    }
    return Schema.EntityType(name: name, memberOfTypes: parents, attributes: attributes)
  }

  func action(_ name: String, _ definition: JSONValue) throws(SchemaProblem) -> Schema.Action {
    let uid = EntityUID(type: qualified("Action", in: namespace), id: name)
    guard case .object(let fields) = definition else {
      throw SchemaProblem(detail: "action `\(name)` must be an object")
    }
    var principals: [String] = []
    var resources: [String] = []
    var context: [String: Schema.Attribute] = [:]
    if case .object(let applies)? = fields["appliesTo"] {
      principals = try names(applies["principalTypes"], field: "principalTypes")
      resources = try names(applies["resourceTypes"], field: "resourceTypes")
      if let contextType = applies["context"] {
        guard case .record(let fields) = try type(contextType, depth: 0) else {
          throw SchemaProblem(detail: "the context of action `\(name)` must be a Record")
        }
        context = fields
      }
    }
    var memberOf: [EntityUID] = []
    if case .array(let items)? = fields["memberOf"] {
      for item in items {
        guard case .object(let reference) = item, case .string(let id)? = reference["id"] else {
          throw SchemaProblem(detail: "`memberOf` of action `\(name)` must list {\"id\": …}")
        }
        var type = uid.type
        if case .string(let explicit)? = reference["type"] { type = explicit }
        memberOf.append(EntityUID(type: type, id: id))
      }
    }
    return Schema.Action(
      uid: uid, principalTypes: principals, resourceTypes: resources, context: context,
      memberOf: memberOf)
  }

  private func names(_ value: JSONValue?, field: String) throws(SchemaProblem) -> [String] {
    guard let value else { return [] }
    guard case .array(let items) = value else {
      throw SchemaProblem(detail: "`\(field)` must be an array of type names")
    }
    var result: [String] = []
    for item in items {
      guard case .string(let name) = item else {
        throw SchemaProblem(detail: "`\(field)` must be an array of type names")
      }
      result.append(entityName(name))
    }
    return result
  }

  func type(_ json: JSONValue, depth: Int) throws(SchemaProblem) -> SchemaType {
    guard depth < 32 else {
      throw SchemaProblem(detail: "types nest too deeply (common type loop?)")
    }
    guard case .object(let fields) = json, case .string(let kind)? = fields["type"] else {
      throw SchemaProblem(detail: "a type must be an object with a `type` field")
    }
    switch kind {
    case "String", "__cedar::String": return .string
    case "Long", "__cedar::Long": return .long
    case "Boolean", "Bool", "__cedar::Bool": return .bool
    case "Set":
      guard let element = fields["element"] else {
        throw SchemaProblem(detail: "a Set type needs an `element` type")
      }
      return .set(try type(element, depth: depth + 1))
    case "Record":
      var attributes: [String: Schema.Attribute] = [:]
      if case .object(let declared)? = fields["attributes"] {
        for (name, attribute) in declared {
          var required = true
          if case .object(let attributeFields) = attribute,
            case .bool(let flag)? = attributeFields["required"]
          {
            required = flag
          }
          attributes[name] = Schema.Attribute(
            type: try type(attribute, depth: depth + 1), isRequired: required)
        }
      }
      return .record(attributes)
    case "Entity":
      guard case .string(let name)? = fields["name"] else {
        throw SchemaProblem(detail: "an Entity type needs a `name`")
      }
      return .entity(entityName(name))
    case "Extension":
      guard case .string(let name)? = fields["name"] else {
        throw SchemaProblem(detail: "an Extension type needs a `name`")
      }
      return .extensionType(name)
    case "EntityOrCommon":
      guard case .string(let name)? = fields["name"] else {
        throw SchemaProblem(detail: "an EntityOrCommon type needs a `name`")
      }
      return try named(name, depth: depth)
    default:
      return try named(kind, depth: depth)
    }
  }

  private func named(_ name: String, depth: Int) throws(SchemaProblem) -> SchemaType {
    for candidate in [qualified(name, in: namespace), name] {
      if let common = commonTypes[candidate] { return try type(common, depth: depth + 1) }
    }
    switch name {
    case "String": return .string
    case "Long": return .long
    case "Boolean", "Bool": return .bool
    default: break
    }
    let entity = entityName(name)
    guard declaredTypes.contains(entity) else {
      throw SchemaProblem(detail: "unknown type `\(name)`")
    }
    return .entity(entity)
  }
}
