extension Compiler {
  static func binary(_ op: Expr.BinaryOp, _ left: CompiledExpr, _ right: CompiledExpr)
    -> CompiledExpr
  {
    switch op {
    case .equal:
      return .pure(left, right) { lhs, rhs in .bool(lhs == rhs) }
    case .notEqual:
      return .pure(left, right) { lhs, rhs in .bool(lhs != rhs) }
    case .less, .lessEqual, .greater, .greaterEqual:
      return .pure(left, right) { lhs, rhs throws(EvaluationError) in
        try CedarValue.compare(op, lhs, rhs)
      }
    case .add, .subtract, .multiply:
      return .pure(left, right) { lhs, rhs throws(EvaluationError) in
        try CedarValue.arithmetic(op, lhs, rhs)
      }
    case .contains:
      return .pure(left, right) { lhs, rhs throws(EvaluationError) in
        .bool(try lhs.asSet().contains(rhs))
      }
    case .containsAll:
      return .pure(left, right) { lhs, rhs throws(EvaluationError) in
        let container = try lhs.asSet()
        return .bool(try rhs.asSet().isSubset(of: container))
      }
    case .containsAny:
      return .pure(left, right) { lhs, rhs throws(EvaluationError) in
        let container = try lhs.asSet()
        return .bool(!(try rhs.asSet().isDisjoint(with: container)))
      }
    case .in:
      let leftEvaluate = left.evaluate
      let rightEvaluate = right.evaluate
      return .dynamic { environment throws(EvaluationError) in
        let member = try leftEvaluate(environment)
        let container = try rightEvaluate(environment)
        return .bool(try member.isIn(container, entities: environment.entities))
      }
    }
  }
}
