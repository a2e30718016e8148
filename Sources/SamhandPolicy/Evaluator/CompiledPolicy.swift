/// A policy ready to decide requests: its scope as three entity tests and its conditions as one
/// compiled boolean.
struct CompiledPolicy: Sendable {
  let policy: Policy
  let principal: @Sendable (EntityUID, Entities) -> Bool
  let action: @Sendable (EntityUID, Entities) -> Bool
  let resource: @Sendable (EntityUID, Entities) -> Bool
  let condition: CompiledExpr

  init(_ policy: Policy) {
    self.policy = policy
    principal = policy.principal.matcher()
    action = policy.action.matcher()
    resource = policy.resource.matcher()
    condition = Self.conjunction(policy.conditions)
  }

  /// `when { a } unless { b }` is `a && !b`, each block required to be bool.
  private static func conjunction(_ conditions: [Policy.Condition]) -> CompiledExpr {
    var result = CompiledExpr.value(.bool(true))
    for condition in conditions.reversed() {
      var body = Compiler.compile(condition.body)
      if !condition.isWhen {
        body = .pure(body) { value throws(EvaluationError) in .bool(!(try value.asBool())) }
      }
      result = Compiler.conjoin(body, result)
    }
    return result
  }

  func scopeMatches(_ request: AuthorizationRequest, entities: Entities) -> Bool {
    principal(request.principal, entities) && action(request.action, entities)
      && resource(request.resource, entities)
  }

  /// Whether the conditions hold; the scope is assumed to match.
  func conditionHolds(_ environment: Environment) throws(EvaluationError) -> Bool {
    try condition.evaluate(environment).asBool()
  }
}
