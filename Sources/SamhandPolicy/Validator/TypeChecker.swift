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

  /// Checks `when`/`unless` blocks as Cedar does: one `&&` chain after the scope.
  mutating func checkConditions(_ conditions: [Policy.Condition]) {
    var capabilities: Capabilities = []
    var reached = ValidatorType.Truth.alwaysTrue
    for condition in conditions {
      let type = checkOperand(condition.body, capabilities, after: reached, skipsOn: .alwaysFalse)
      requireBool(type, at: condition.body.location, what: "a condition")
      reached = conjunction(reached, condition.isWhen ? type.truth : type.truth.negated)
      if condition.isWhen { capabilities.formUnion(facts(condition.body)) }
    }
  }

  mutating func report(_ message: String, at location: SourceLocation) {
    problems.append(PolicyError(.invalid(message), at: location))
  }

  /// Checks the right operand of a short-circuit: not at all when Cedar certainly skips it,
  /// silently when it might.
  private mutating func checkOperand(
    _ expr: Expr, _ capabilities: Capabilities, after left: ValidatorType.Truth,
    skipsOn skipping: ValidatorType.Truth
  ) -> ValidatorType {
    if left == skipping { return .unknown }
    guard left == .unsure else { return check(expr, capabilities) }
    let reported = problems
    let type = check(expr, capabilities)
    problems = reported
    return type
  }

  private func conjunction(_ left: ValidatorType.Truth, _ right: ValidatorType.Truth)
    -> ValidatorType.Truth
  {
    switch (left, right) {
    case (.alwaysFalse, _): .alwaysFalse
    case (.alwaysTrue, _): right
    case (.unsure, _), (_, .unsure): .unsure
    case (_, .alwaysFalse): .alwaysFalse
    default: .either
    }
  }

  private func disjunction(_ left: ValidatorType.Truth, _ right: ValidatorType.Truth)
    -> ValidatorType.Truth
  {
    conjunction(left.negated, right.negated).negated
  }

  private mutating func requireBool(
    _ type: ValidatorType, at location: SourceLocation, what: String
  ) {
    if let kind = type.kind, kind != .bool {
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
      let type = check(operand, capabilities)
      requireBool(type, at: operand.location, what: "the operand of `!`")
      return .boolean(type.truth.negated)
    case .negate(let operand):
      require(check(operand, capabilities), .long, at: operand.location, operation: "-")
      return .long
    case .and(let left, let right):
      let leftType = check(left, capabilities)
      requireBool(leftType, at: left.location, what: "an operand of `&&`")
      let rightType = checkOperand(
        right, capabilities.union(facts(left)), after: leftType.truth, skipsOn: .alwaysFalse)
      requireBool(rightType, at: right.location, what: "an operand of `&&`")
      return .boolean(conjunction(leftType.truth, rightType.truth))
    case .or(let left, let right):
      let leftType = check(left, capabilities)
      requireBool(leftType, at: left.location, what: "an operand of `||`")
      let rightType = checkOperand(
        right, capabilities, after: leftType.truth, skipsOn: .alwaysTrue)
      requireBool(rightType, at: right.location, what: "an operand of `||`")
      return .boolean(disjunction(leftType.truth, rightType.truth))
    case .ifThenElse(let condition, let then, let otherwise):
      let conditionType = check(condition, capabilities)
      requireBool(conditionType, at: condition.location, what: "an if condition")
      let truth = conditionType.truth
      let thenType = checkOperand(
        then, capabilities.union(facts(condition)), after: truth, skipsOn: .alwaysFalse)
      let otherwiseType = checkOperand(
        otherwise, capabilities, after: truth.negated, skipsOn: .alwaysFalse)
      switch truth {
      case .alwaysTrue: return thenType
      case .alwaysFalse: return otherwiseType
      case .either, .unsure: return thenType.union(otherwiseType)
      }
    case .binary(let op, let left, let right):
      return binary(op, check(left, capabilities), check(right, capabilities), at: expr.location)
    case .getAttribute(let target, let name):
      let guarded = path(target).map { capabilities.contains("\($0).\(name)") } ?? false
      return attribute(
        name, of: check(target, capabilities), guarded: guarded, at: expr.location)
    case .hasAttribute(let target, let name):
      let guarded = path(target).map { capabilities.contains("\($0).\(name)") } ?? false
      return hasAttribute(
        name, of: check(target, capabilities), guarded: guarded, at: expr.location)
    case .like(let target, _):
      require(check(target, capabilities), .string, at: expr.location, operation: "like")
      return .bool
    case .isType(let target, let type):
      require(check(target, capabilities), .entity, at: expr.location, operation: "is")
      if schema.entityTypes[type] == nil, !type.hasSuffix("Action") {
        report("unknown entity type `\(type)`", at: expr.location)
      }
      return .boolean(.unsure)
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
