/// Checks policies against a schema before a set is accepted: unknown entity types, actions and
/// attributes, optional attributes used without `has`, and type errors the schema makes certain.
/// Every problem carries the file:line:column of the offending text.
struct Validator {
  let schema: Schema

  func validate(_ policies: [Policy]) -> [PolicyError] {
    policies.flatMap(validate)
  }

  func validate(_ policy: Policy) -> [PolicyError] {
    var problems = scopeProblems(policy)
    guard problems.isEmpty else { return problems }
    let environments = environments(for: policy)
    if environments.isEmpty {
      return [
        PolicyError(
          .invalid(
            "policy `\(policy.id)` can never apply: no action in the schema matches its "
              + "principal, action and resource scope"), at: policy.location)
      ]
    }
    var seen: Set<String> = []
    for environment in environments {
      var checker = TypeChecker(schema: schema, environment: environment)
      checker.checkConditions(policy.conditions)
      for problem in checker.problems where seen.insert(problem.description).inserted {
        problems.append(problem)
      }
    }
    return problems
  }

  private func scopeProblems(_ policy: Policy) -> [PolicyError] {
    var uids: [EntityUID] = []
    var types: [String] = []
    for constraint in [policy.principal, policy.resource] {
      switch constraint {
      case .any: break
      case .equal(let uid), .in(let uid): uids.append(uid)
      case .inAny(let list): uids += list
      case .isType(let type): types.append(type)
      case .isTypeIn(let type, let uid):
        types.append(type)
        uids.append(uid)
      }
    }
    var problems: [PolicyError] = []
    for type in types + uids.map(\.type) where schema.entityTypes[type] == nil {
      problems.append(
        PolicyError(.invalid("unknown entity type `\(type)` in the scope"), at: policy.location))
    }
    switch policy.action {
    case .equal(let uid), .in(let uid): uids = [uid]
    case .inAny(let list): uids = list
    default: uids = []
    }
    for uid in uids where schema.actions[uid] == nil {
      problems.append(
        PolicyError(.invalid("unknown action `\(uid)` in the scope"), at: policy.location))
    }
    return problems
  }
}
