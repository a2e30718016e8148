/// A policy ready to decide requests: its scope as three entity tests and its conditions as one
/// compiled boolean. A class, so that scanning a set never copies the syntax tree.
final class CompiledPolicy: Sendable {
  let policy: Policy
  let id: PolicyID
  let isForbid: Bool
  let principal: ScopeConstraint.Matcher
  let action: ScopeConstraint.Matcher
  let resource: ScopeConstraint.Matcher
  let condition: CompiledExpr

  init(_ policy: Policy) {
    self.policy = policy
    id = policy.id
    isForbid = policy.effect == .forbid
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
    scopeMatches(RequestScope(request, entities: entities))
  }

  func scopeMatches(_ scope: RequestScope) -> Bool {
    principal(scope.principal, scope.principalAncestors)
      && action(scope.action, scope.actionAncestors)
      && resource(scope.resource, scope.resourceAncestors)
  }

  /// Whether the conditions hold; the scope is assumed to match.
  func conditionHolds(_ environment: Environment) throws(EvaluationError) -> Bool {
    try condition.evaluate(environment).asBool()
  }
}
