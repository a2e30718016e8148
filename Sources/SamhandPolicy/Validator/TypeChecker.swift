/// Infers types of condition expressions in one request environment and records the problems
/// the schema makes certain.
struct TypeChecker {
  let schema: Schema
  let environment: RequestEnvironment
  private(set) var problems: [PolicyError] = []

  init(schema: Schema, environment: RequestEnvironment) {
    self.schema = schema
    self.environment = environment
  }

  /// Facts `expression has attribute` known to hold, keyed by the expression's path.
  typealias Capabilities = Set<String>

  mutating func checkConditions(_ conditions: [Policy.Condition]) {
    var capabilities: Capabilities = []
    for condition in conditions {
      let type = check(condition.body, capabilities)
      requireBool(type, at: condition.body.location, what: "a condition")
      if condition.isWhen { capabilities.formUnion(facts(condition.body)) }
    }
  }

  mutating func report(_ message: String, at location: SourceLocation) {
    problems.append(PolicyError(.invalid(message), at: location))
  }

  private mutating func requireBool(
    _ type: ValidatorType, at location: SourceLocation, what: String
  ) {
    if type.certainlyNot(.bool) {
      report("\(what) must be a Boolean, found \(type.name)", at: location)
    }
  }

  mutating func require(
    _ type: ValidatorType, _ kinds: ValidatorType.Kind..., at location: SourceLocation,
    operation: String
  ) {
    if let kind = type.kind, !kinds.contains(kind) {
      report("`\(operation)` cannot be applied to \(type.name)", at: location)
    }
  }

  /// The `has` facts that hold when `expr` is true.
  func facts(_ expr: Expr) -> Capabilities {
    switch expr.kind {
    case .hasAttribute(let target, let name):
      return path(target).map { ["\($0).\(name)"] } ?? []
    case .and(let left, let right):
      return facts(left).union(facts(right))
    default:
      return []
    }
  }

  /// A stable name for variable and attribute chains, the only expressions `has` can guard.
  func path(_ expr: Expr) -> String? {
    switch expr.kind {
    case .variable(let variable): variable.rawValue
    case .getAttribute(let target, let name): path(target).map { "\($0).\(name)" }
    case .literal(.entity(let uid)): uid.description
    default: nil
    }
  }

  mutating func check(_ expr: Expr, _ capabilities: Capabilities) -> ValidatorType {
    switch expr.kind {
    case .literal(let value):
      if case .entity(let uid) = value { checkKnown(uid, at: expr.location) }
      return ValidatorType(value)
    case .variable(let variable):
      return type(of: variable)
    case .not(let operand):
      requireBool(check(operand, capabilities), at: operand.location, what: "the operand of `!`")
      return .bool
    case .negate(let operand):
      require(check(operand, capabilities), .long, at: operand.location, operation: "-")
      return .long
    case .and(let left, let right):
      requireBool(check(left, capabilities), at: left.location, what: "an operand of `&&`")
      let guarded = capabilities.union(facts(left))
      requireBool(check(right, guarded), at: right.location, what: "an operand of `&&`")
      return .bool
    case .or(let left, let right):
      requireBool(check(left, capabilities), at: left.location, what: "an operand of `||`")
      requireBool(check(right, capabilities), at: right.location, what: "an operand of `||`")
      return .bool
    case .ifThenElse(let condition, let then, let otherwise):
      requireBool(check(condition, capabilities), at: condition.location, what: "an if condition")
      let thenType = check(then, capabilities.union(facts(condition)))
      return thenType.union(check(otherwise, capabilities))
    case .binary(let op, let left, let right):
      return binary(op, check(left, capabilities), check(right, capabilities), at: expr.location)
    case .getAttribute(let target, let name):
      let guarded = path(target).map { capabilities.contains("\($0).\(name)") } ?? false
      return attribute(
        name, of: check(target, capabilities), guarded: guarded, at: expr.location)
    case .hasAttribute(let target, _):
      require(check(target, capabilities), .entity, .record, at: expr.location, operation: "has")
      return .bool
    case .like(let target, _):
      require(check(target, capabilities), .string, at: expr.location, operation: "like")
      return .bool
    case .isType(let target, let type):
      require(check(target, capabilities), .entity, at: expr.location, operation: "is")
      if schema.entityTypes[type] == nil, !type.hasSuffix("Action") {
        report("unknown entity type `\(type)`", at: expr.location)
      }
      return .bool
    case .isEmpty(let target):
      require(check(target, capabilities), .set, at: expr.location, operation: "isEmpty")
      return .bool
    case .set(let items):
      var element: ValidatorType?
      for item in items {
        let type = check(item, capabilities)
        element = element.map { $0.union(type) } ?? type
      }
      return .set(element ?? .unknown)
    case .record(let entries):
      for (_, value) in entries { _ = check(value, capabilities) }
      return .unknown
    }
  }
}
