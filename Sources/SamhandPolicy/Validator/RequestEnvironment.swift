/// One combination of principal type, action and resource type a policy can apply to.
struct RequestEnvironment: Hashable {
  let principalType: String
  let action: EntityUID
  let resourceType: String
}

extension Validator {
  /// The environments the schema allows that the policy's scope does not exclude.
  func environments(for policy: Policy) -> [RequestEnvironment] {
    let actions = schema.actions.values.filter { actionMatches(policy.action, $0.uid) }
      .sorted { $0.uid.id < $1.uid.id }
    var result: [RequestEnvironment] = []
    for action in actions {
      for principal in action.principalTypes
      where matches(
        policy.principal, type: principal, member: { schema.mayBeMember(principal, of: $0.type) })
      {
        for resource in action.resourceTypes
        where matches(
          policy.resource, type: resource, member: { schema.mayBeMember(resource, of: $0.type) })
        {
          result.append(
            RequestEnvironment(principalType: principal, action: action.uid, resourceType: resource)
          )
        }
      }
    }
    return result
  }

  private func matches(
    _ constraint: ScopeConstraint, type: String, member: (EntityUID) -> Bool
  ) -> Bool {
    switch constraint {
    case .any: true
    case .equal(let uid): uid.type == type && member(uid)
    case .in(let uid): member(uid)
    case .inAny(let uids): uids.contains(where: member)
    case .isType(let name): name == type
    case .isTypeIn(let name, let uid): name == type && member(uid)
    }
  }

  private func actionMatches(_ constraint: ScopeConstraint, _ action: EntityUID) -> Bool {
    switch constraint {
    case .any: true
    case .equal(let target): action == target
    case .in(let target): actionIsMember(action, of: target)
    case .inAny(let targets): targets.contains { actionIsMember(action, of: $0) }
    case .isType, .isTypeIn: false
    }
  }

  private func actionIsMember(_ action: EntityUID, of target: EntityUID) -> Bool {
    var seen: Set<EntityUID> = []
    var pending = [action]
    while let next = pending.popLast() {
      if next == target { return true }
      guard seen.insert(next).inserted else { continue }
      pending += schema.actions[next]?.memberOf ?? []
    }
    return false
  }
}
