/// Evaluates a policy's condition with the resource unknown: what does not read the resource is
/// computed as usual, what does becomes a `Residual` over attribute tests. Anything the residual
/// cannot express (arithmetic on an unknown, `like`, `has`, an error) is reported as
/// `PartialEvaluator.Unsupported`, and the caller widens the policy.
struct PartialEvaluator {
  let request: PartialRequest
  let entities: Entities
  private let environment: Environment

  init(_ request: PartialRequest, entities: Entities) {
    self.request = request
    self.entities = entities
    environment = Environment(
      AuthorizationRequest(
        principal: request.principal, action: request.action,
        resource: EntityUID(type: request.resourceType, id: ""), context: request.context),
      entities: entities)
  }

  /// Why a condition could not be reduced to attribute tests.
  struct Unsupported: Error {
    let reason: String
  }

  /// A value in the middle of partial evaluation.
  enum Value {
    case known(CedarValue)
    /// The unknown resource's attribute at this path (`[]` is the resource itself).
    case attribute([String])
    case residual(Residual)
  }

  func condition(_ expr: Expr) throws(Unsupported) -> Residual {
    try asResidual(evaluate(expr))
  }

  func evaluate(_ expr: Expr) throws(Unsupported) -> Value {
    switch expr.kind {
    case .literal(let value): return .known(value)
    case .variable(.principal): return .known(.entity(request.principal))
    case .variable(.action): return .known(.entity(request.action))
    case .variable(.context): return .known(.record(request.context))
    case .variable(.resource): return .attribute([])
    case .not(let operand): return .residual(!(try asResidual(evaluate(operand))))
    case .and(let left, let right): return try shortCircuit(left, right, decidingValue: false)
    case .or(let left, let right): return try shortCircuit(left, right, decidingValue: true)
    case .ifThenElse(let test, let then, let otherwise):
      return try ifThenElse(test, then, otherwise)
    case .binary(let op, let left, let right):
      return try binary(op, evaluate(left), evaluate(right))
    case .getAttribute(let target, let name):
      return try attribute(name, of: evaluate(target))
    case .isType(let target, let type):
      if case .attribute([]) = try evaluate(target) {
        return .known(.bool(ExactString.equal(request.resourceType, type)))
      }
      return try folded(expr)
    default:
      return try folded(expr)
    }
  }

  /// An expression that does not read the resource, computed as the evaluator would.
  private func folded(_ expr: Expr) throws(Unsupported) -> Value {
    guard !expr.readsResource else {
      throw Unsupported(reason: "an expression at \(expr.location) reads the unknown resource")
    }
    return try known(Compiler.compile(expr), "the expression at \(expr.location)")
  }

  private func known(_ compiled: CompiledExpr, _ what: String) throws(Unsupported) -> Value {
    do {
      return .known(try compiled.evaluate(environment))
    } catch {
      throw Unsupported(reason: "\(what) fails: \(error)")
    }
  }

  private func shortCircuit(_ left: Expr, _ right: Expr, decidingValue: Bool)
    throws(Unsupported) -> Value
  {
    let first = try asResidual(evaluate(left))
    if first == .constant(decidingValue) { return .known(.bool(decidingValue)) }
    let second = try asResidual(evaluate(right))
    return .residual(decidingValue ? first || second : first && second)
  }

  private func ifThenElse(_ test: Expr, _ then: Expr, _ otherwise: Expr)
    throws(Unsupported) -> Value
  {
    switch try asResidual(evaluate(test)) {
    case .constant(true): return try evaluate(then)
    case .constant(false): return try evaluate(otherwise)
    case let condition:
      let (yes, no) = (try asResidual(evaluate(then)), try asResidual(evaluate(otherwise)))
      return .residual((condition && yes) || (!condition && no))
    }
  }

  private func attribute(_ name: String, of target: Value) throws(Unsupported) -> Value {
    switch target {
    case .attribute([]):
      if let value = request.knownResourceAttributes[name] { return .known(value) }
      return .attribute([name])
    case .attribute(let path): return .attribute(path + [name])
    case .known(let value):
      do {
        return .known(try value.attribute(name, entities: entities))
      } catch {
        throw Unsupported(reason: "reading `\(name)` fails: \(error)")
      }
    case .residual: throw Unsupported(reason: "reading `\(name)` of a condition")
    }
  }

  private func binary(_ op: Expr.BinaryOp, _ left: Value, _ right: Value)
    throws(Unsupported) -> Value
  {
    switch (op, left, right) {
    case (_, .known(let lhs), .known(let rhs)):
      return try known(Compiler.binary(op, .value(lhs), .value(rhs)), "`\(op.rawValue)`")
    case (.in, .known(.entity(let member)), .attribute(let path)):
      let owners = entities.ancestors(of: member).union([member]).map(CedarValue.entity)
      return test(path, .includesAny(Set(owners)))
    case (.equal, .attribute(let path), .known(let value)),
      (.equal, .known(let value), .attribute(let path)):
      return test(path, .equals(value))
    case (.notEqual, .attribute(let path), .known(let value)),
      (.notEqual, .known(let value), .attribute(let path)):
      return .residual(!.test(AttributeTest(path: path, kind: .equals(value))))
    case (.contains, .attribute(let path), .known(let value)):
      return test(path, .includesAny([value]))
    case (.containsAny, .attribute(let path), .known(.set(let values))):
      return test(path, .includesAny(values))
    case (.containsAll, .attribute(let path), .known(.set(let values))):
      return .residual(
        values.reduce(Residual.constant(true)) {
          $0 && .test(AttributeTest(path: path, kind: .includesAny([$1])))
        })
    case (.contains, .known(.set(let values)), .attribute(let path)):
      return .residual(
        values.reduce(Residual.constant(false)) {
          $0 || .test(AttributeTest(path: path, kind: .equals($1)))
        })
    default:
      throw Unsupported(reason: "`\(op.rawValue)` on the unknown resource")
    }
  }

  private func test(_ path: [String], _ kind: AttributeTest.Kind) -> Value {
    .residual(.test(AttributeTest(path: path, kind: kind)))
  }

  /// A boolean: a known bool, a residual, or a bool-valued attribute (`== true`).
  private func asResidual(_ value: Value) throws(Unsupported) -> Residual {
    switch value {
    case .known(.bool(let bool)): return .constant(bool)
    case .known(let other): throw Unsupported(reason: "a \(other.typeName) where a bool belongs")
    case .residual(let residual): return residual
    case .attribute([]): throw Unsupported(reason: "the resource where a bool belongs")
    case .attribute(let path): return .test(AttributeTest(path: path, kind: .equals(.bool(true))))
    }
  }
}

extension Expr {
  /// Whether the expression reads the `resource` variable anywhere.
  var readsResource: Bool {
    switch kind {
    case .literal: return false
    case .variable(let variable): return variable == .resource
    case .not(let operand), .negate(let operand), .getAttribute(let operand, _),
      .hasAttribute(let operand, _), .like(let operand, _), .isType(let operand, _),
      .isEmpty(let operand):
      return operand.readsResource
    case .and(let left, let right), .or(let left, let right), .binary(_, let left, let right):
      return left.readsResource || right.readsResource
    case .ifThenElse(let test, let then, let otherwise):
      return test.readsResource || then.readsResource || otherwise.readsResource
    case .set(let items): return items.contains { $0.readsResource }
    case .record(let entries): return entries.contains { $0.1.readsResource }
    }
  }
}
