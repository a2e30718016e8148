extension TypeChecker {
  func type(of variable: Expr.Variable) -> ValidatorType {
    switch variable {
    case .principal: .entity([environment.principalType])
    case .action: .entity([environment.action.type])
    case .resource: .entity([environment.resourceType])
    case .context: .record(schema.actions[environment.action]?.context ?? [:])
    }
  }

  mutating func checkKnown(_ uid: EntityUID, at location: SourceLocation) {
    if uid.type == "Action" || uid.type.hasSuffix("::Action") {
      if schema.actions[uid] == nil { report("unknown action `\(uid)`", at: location) }
    } else if schema.entityTypes[uid.type] == nil {
      report("unknown entity type `\(uid.type)`", at: location)
    }
  }

  mutating func binary(
    _ op: Expr.BinaryOp, _ left: ValidatorType, _ right: ValidatorType,
    at location: SourceLocation
  ) -> ValidatorType {
    switch op {
    case .equal, .notEqual:
      return .boolean(.unsure)
    case .less, .lessEqual, .greater, .greaterEqual:
      require(left, .long, at: location, operation: op.rawValue)
      require(right, .long, at: location, operation: op.rawValue)
      return .bool
    case .add, .subtract, .multiply:
      require(left, .long, at: location, operation: op.rawValue)
      require(right, .long, at: location, operation: op.rawValue)
      return .long
    case .in:
      require(left, .entity, at: location, operation: "in")
      require(right, .entity, .set, at: location, operation: "in")
      if case .set(let element) = right {
        require(element, .entity, at: location, operation: "in")
      }
      return .boolean(.unsure)
    case .contains:
      require(left, .set, at: location, operation: "contains")
      return .bool
    case .containsAll, .containsAny:
      require(left, .set, at: location, operation: op.rawValue)
      require(right, .set, at: location, operation: op.rawValue)
      return .bool
    }
  }

  /// `has name`: certainly true for required or guarded attributes, certainly false for
  /// undeclared ones, unknown for unguarded optional ones.
  mutating func hasAttribute(
    _ name: String, of target: ValidatorType, guarded: Bool, at location: SourceLocation
  ) -> ValidatorType {
    let attributes: [String: Schema.Attribute]
    switch target {
    case .record(let fields):
      attributes = fields
    case .entity(let types) where types.count == 1:
      guard let entityType = schema.entityTypes[types.first ?? ""] else { return .boolean(.unsure) }
      attributes = entityType.attributes
    case .unknown, .entity:
      return .boolean(.unsure)
    default:
      report("`has` cannot be applied to \(target.name)", at: location)
      return .boolean(.unsure)
    }
    guard let attribute = attributes[name] else { return .boolean(.alwaysFalse) }
    return .boolean(attribute.isRequired || guarded ? .alwaysTrue : .either)
  }

  /// `.name` on a record or entity type: unknown attributes and unguarded optional ones are
  /// problems.
  mutating func attribute(
    _ name: String, of target: ValidatorType, guarded: Bool, at location: SourceLocation
  ) -> ValidatorType {
    let attributes: [String: Schema.Attribute]
    let owner: String
    switch target {
    case .record(let fields):
      attributes = fields
      owner = "the record"
    case .entity(let types) where types.count == 1:
      let typeName = types.first ?? ""
      guard let entityType = schema.entityTypes[typeName] else { return .unknown }
      attributes = entityType.attributes
      owner = "entity type `\(typeName)`"
    case .unknown, .entity:
      return .unknown
    default:
      report("`.\(name)` cannot be applied to \(target.name)", at: location)
      return .unknown
    }
    guard let attribute = attributes[name] else {
      report("attribute `\(name)` is not declared for \(owner)", at: location)
      return .unknown
    }
    if !attribute.isRequired, !guarded {
      report(
        "attribute `\(name)` of \(owner) is optional; test it with `has \(name)` first",
        at: location)
    }
    return ValidatorType(attribute.type)
  }
}
