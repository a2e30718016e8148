/// A condition compiled once into nested closures, so that deciding a request never walks the
/// syntax tree again. Sub-expressions that do not depend on the request are folded to constants
/// (including constant errors, which are raised only if evaluation reaches them).
struct CompiledExpr: Sendable {
  typealias Evaluate = @Sendable (Environment) throws(EvaluationError) -> CedarValue

  let evaluate: Evaluate
  let constant: Result<CedarValue, EvaluationError>?

  static func constant(_ result: Result<CedarValue, EvaluationError>) -> CompiledExpr {
    CompiledExpr(evaluate: { _ throws(EvaluationError) in try result.get() }, constant: result)
  }

  static func value(_ value: CedarValue) -> CompiledExpr { constant(.success(value)) }

  static func dynamic(_ evaluate: @escaping Evaluate) -> CompiledExpr {
    CompiledExpr(evaluate: evaluate, constant: nil)
  }

  /// Evaluates `body` now and keeps its value or error.
  static func folding(_ body: () throws(EvaluationError) -> CedarValue) -> CompiledExpr {
    do {
      return value(try body())
    } catch {
      return constant(.failure(error))
    }
  }

  /// An operation on one operand that reads nothing but the operand.
  static func pure(
    _ operand: CompiledExpr,
    _ op: @escaping @Sendable (CedarValue) throws(EvaluationError) -> CedarValue
  ) -> CompiledExpr {
    if let constant = operand.constant {
      return folding { () throws(EvaluationError) in try op(constant.get()) }
    }
    let inner = operand.evaluate
    return dynamic { environment throws(EvaluationError) in try op(inner(environment)) }
  }

  /// An operation on two operands, evaluated left then right, that reads nothing else.
  static func pure(
    _ left: CompiledExpr, _ right: CompiledExpr,
    _ op: @escaping @Sendable (CedarValue, CedarValue) throws(EvaluationError) -> CedarValue
  ) -> CompiledExpr {
    if let leftConstant = left.constant, let rightConstant = right.constant {
      return folding { () throws(EvaluationError) in
        try op(leftConstant.get(), rightConstant.get())
      }
    }
    let leftEvaluate = left.evaluate
    let rightEvaluate = right.evaluate
    return dynamic { environment throws(EvaluationError) in
      let leftValue = try leftEvaluate(environment)
      return try op(leftValue, try rightEvaluate(environment))
    }
  }
}
