extension PolicySet {
  /// Evaluates the set with the resource unknown (`request`): which policies could apply,
  /// and what each needs of the resource. `entities` holds what is known: the principal,
  /// its groups, and any entity the context names.
  public func residual(for request: PartialRequest, entities: Entities) -> PartialDecision {
    let evaluator = PartialEvaluator(request, entities: entities)
    let principalAncestors = entities.ancestors(of: request.principal)
    let actionAncestors = entities.ancestors(of: request.action)
    var permits: [PartialDecision.PolicyResidual] = []
    var forbids: [PartialDecision.PolicyResidual] = []
    var widened: [PartialDecision.Widening] = []
    for policy in compiled
    where policy.principal(request.principal, principalAncestors)
      && policy.action(request.action, actionAncestors)
    {
      let residual: Residual
      do {
        residual =
          try Self.resourceScope(policy.policy.resource, request)
          && Self.conditions(policy.policy.conditions, evaluator)
      } catch {
        widened.append(.init(policyID: policy.id, reason: error.reason))
        if !policy.isForbid {
          permits.append(.init(policyID: policy.id, residual: .constant(true)))
        }
        continue
      }
      guard residual != .constant(false) else { continue }
      let entry = PartialDecision.PolicyResidual(policyID: policy.id, residual: residual)
      if policy.isForbid { forbids.append(entry) } else { permits.append(entry) }
    }
    return PartialDecision(permits: permits, forbids: forbids, widened: widened)
  }

  /// `when { a } unless { b }` is `a && !b`.
  private static func conditions(_ conditions: [Policy.Condition], _ evaluator: PartialEvaluator)
    throws(PartialEvaluator.Unsupported) -> Residual
  {
    var result = Residual.constant(true)
    for condition in conditions {
      let body = try evaluator.condition(condition.body)
      result = result && (condition.isWhen ? body : !body)
      if result == .constant(false) { break }
    }
    return result
  }

  /// The resource scope: its type is known, its identity and ancestors are not.
  private static func resourceScope(_ scope: ScopeConstraint, _ request: PartialRequest)
    throws(PartialEvaluator.Unsupported) -> Residual
  {
    switch scope {
    case .any: return .constant(true)
    case .isType(let type): return .constant(ExactString.equal(request.resourceType, type))
    case .equal, .in, .inAny, .isTypeIn:
      throw PartialEvaluator.Unsupported(reason: "its resource scope names a resource")
    }
  }
}
