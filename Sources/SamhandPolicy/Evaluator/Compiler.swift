/// Turns a condition's syntax into a `CompiledExpr`, keeping Cedar's evaluation order,
/// short-circuits and type errors.
enum Compiler {
  static func compile(_ expr: Expr) -> CompiledExpr {
    switch expr.kind {
    case .literal(let value):
      return .value(value)
    case .variable(let variable):
      return compile(variable)
    case .not(let operand):
      return .pure(compile(operand)) { value throws(EvaluationError) in
        .bool(!(try value.asBool()))
      }
    case .negate(let operand):
      return .pure(compile(operand)) { value throws(EvaluationError) in try value.negated() }
    case .and(let left, let right):
      return shortCircuit(compile(left), compile(right), decidingValue: false)
    case .or(let left, let right):
      return shortCircuit(compile(left), compile(right), decidingValue: true)
    case .ifThenElse(let condition, let then, let otherwise):
      return ifThenElse(compile(condition), compile(then), compile(otherwise))
    case .binary(let op, let left, let right):
      return binary(op, compile(left), compile(right))
    case .getAttribute(let target, let name):
      return entityReading(compile(target)) { value, entities throws(EvaluationError) in
        try value.attribute(name, entities: entities)
      }
    case .hasAttribute(let target, let name):
      return entityReading(compile(target)) { value, entities throws(EvaluationError) in
        .bool(try value.hasAttribute(name, entities: entities))
      }
    case .like(let target, let pattern):
      return .pure(compile(target)) { value throws(EvaluationError) in
        .bool(pattern.matches(try value.asString()))
      }
    case .isType(let target, let type):
      return .pure(compile(target)) { value throws(EvaluationError) in
        .bool(ExactString.equal(try value.asEntity().type, type))
      }
    case .isEmpty(let target):
      return .pure(compile(target)) { value throws(EvaluationError) in
        .bool(try value.asSet().isEmpty)
      }
    case .set(let items):
      return set(items.map(compile))
    case .record(let entries):
      return record(entries.map { ($0.0, compile($0.1)) })
    }
  }

  private static func compile(_ variable: Expr.Variable) -> CompiledExpr {
    switch variable {
    case .principal: .dynamic { environment in environment.principal }
    case .action: .dynamic { environment in environment.action }
    case .resource: .dynamic { environment in environment.resource }
    case .context: .dynamic { environment in environment.context }
    }
  }

  /// `left && right` on compiled operands.
  static func conjoin(_ left: CompiledExpr, _ right: CompiledExpr) -> CompiledExpr {
    shortCircuit(left, right, decidingValue: false)
  }

  /// `&&` (deciding value false) and `||` (deciding value true): both operands must be bool.
  private static func shortCircuit(
    _ left: CompiledExpr, _ right: CompiledExpr, decidingValue: Bool
  ) -> CompiledExpr {
    let rightAsBool = CompiledExpr.pure(right) { value throws(EvaluationError) in
      .bool(try value.asBool())
    }
    if let constant = left.constant {
      switch constant {
      case .failure: return .constant(constant)
      case .success(.bool(decidingValue)): return .value(.bool(decidingValue))
      case .success(.bool): return rightAsBool
      case .success(let other): return .constant(.failure(other.mismatch("bool")))
      }
    }
    let leftEvaluate = left.evaluate
    let rightEvaluate = rightAsBool.evaluate
    return .dynamic { environment throws(EvaluationError) in
      if try leftEvaluate(environment).asBool() == decidingValue {
        return .bool(decidingValue)
      }
      return try rightEvaluate(environment)
    }
  }

  private static func ifThenElse(
    _ condition: CompiledExpr, _ then: CompiledExpr, _ otherwise: CompiledExpr
  ) -> CompiledExpr {
    if let constant = condition.constant {
      switch constant {
      case .failure: return .constant(constant)
      case .success(.bool(let value)): return value ? then : otherwise
      case .success(let other): return .constant(.failure(other.mismatch("bool")))
      }
    }
    let conditionEvaluate = condition.evaluate
    let thenEvaluate = then.evaluate
    let otherwiseEvaluate = otherwise.evaluate
    return .dynamic { environment throws(EvaluationError) in
      try conditionEvaluate(environment).asBool()
        ? try thenEvaluate(environment) : try otherwiseEvaluate(environment)
    }
  }

  /// Attribute access and `has` read the entity store unless the operand is a constant record.
  private static func entityReading(
    _ target: CompiledExpr,
    _ op: @escaping @Sendable (CedarValue, Entities) throws(EvaluationError) -> CedarValue
  ) -> CompiledExpr {
    if let constant = target.constant {
      switch constant {
      case .failure: return .constant(constant)
      case .success(.entity): break
      case .success(let value):
        return .folding { () throws(EvaluationError) in try op(value, Entities([])) }
      }
    }
    let targetEvaluate = target.evaluate
    return .dynamic { environment throws(EvaluationError) in
      try op(targetEvaluate(environment), environment.entities)
    }
  }

  private static func set(_ items: [CompiledExpr]) -> CompiledExpr {
    if items.allSatisfy({ $0.constant != nil }) {
      return .folding { () throws(EvaluationError) in
        var values: Set<CedarValue> = []
        for item in items { values.insert(try item.evaluate(Environment.none)) }
        return .set(values)
      }
    }
    let evaluators = items.map(\.evaluate)
    return .dynamic { environment throws(EvaluationError) in
      var values: Set<CedarValue> = []
      for evaluate in evaluators { values.insert(try evaluate(environment)) }
      return .set(values)
    }
  }

  private static func record(_ entries: [(String, CompiledExpr)]) -> CompiledExpr {
    let evaluators = entries.map { ($0.0, $0.1.evaluate) }
    let build: @Sendable (Environment) throws(EvaluationError) -> CedarValue = { environment in
      var fields: [String: CedarValue] = [:]
      for (key, evaluate) in evaluators { fields[key] = try evaluate(environment) }
      return .record(fields)
    }
    if entries.allSatisfy({ $0.1.constant != nil }) {
      return .folding { () throws(EvaluationError) in try build(Environment.none) }
    }
    return .dynamic(build)
  }
}
