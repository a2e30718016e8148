/// A schema problem before the file name is attached.
struct SchemaProblem: Error {
  let detail: String
}

/// Reads the JSON schema document namespace by namespace.
struct SchemaReader {
  let fileName: String

  func read(_ document: JSONValue) throws(SchemaProblem) -> Schema {
    guard case .object(let namespaces) = document else {
      throw SchemaProblem(detail: "expected an object of namespaces")
    }
    var declaredTypes: Set<String> = []
    var commonTypes: [String: JSONValue] = [:]
    for (namespace, body) in namespaces {
      guard case .object(let fields) = body else {
        throw SchemaProblem(detail: "namespace `\(namespace)` must be an object")
      }
      if case .object(let types)? = fields["entityTypes"] {
        for name in types.keys { declaredTypes.insert(qualified(name, in: namespace)) }
      }
      if case .object(let common)? = fields["commonTypes"] {
        for (name, type) in common { commonTypes[qualified(name, in: namespace)] = type }
      }
    }
    var entityTypes: [String: Schema.EntityType] = [:]
    var actions: [EntityUID: Schema.Action] = [:]
    for (namespace, body) in namespaces {
      let resolver = SchemaTypeResolver(
        namespace: namespace, declaredTypes: declaredTypes, commonTypes: commonTypes)
      guard case .object(let fields) = body else { continue }
      if case .object(let types)? = fields["entityTypes"] {
        for (name, definition) in types {
          let type = try resolver.entityType(qualified(name, in: namespace), definition)
          entityTypes[type.name] = type
        }
      }
      if case .object(let declared)? = fields["actions"] {
        for (name, definition) in declared {
          let action = try resolver.action(name, definition)
          actions[action.uid] = action
        }
      }
    }
    return Schema(entityTypes: entityTypes, actions: actions)
  }
}

func qualified(_ name: String, in namespace: String) -> String {
  namespace.isEmpty ? name : "\(namespace)::\(name)"
}
