extension Parser {
  mutating func policy(index: Int) throws(PolicyError) -> Policy {
    var annotations: [String: String] = [:]
    let start = current.location
    while isSymbol("@") {
      _ = advance()
      let keyLocation = current.location
      let key = try identifier()
      var value = ""
      if isSymbol("(") {
        _ = advance()
        value = try stringLiteral()
        try expect(")")
      }
      if annotations[key] != nil {
        throw PolicyError(.duplicateAnnotation(key), at: keyLocation)
      }
      annotations[key] = value
    }
    let effect: Policy.Effect
    switch current.kind {
    case .identifier("permit"): effect = .permit
    case .identifier("forbid"): effect = .forbid
    default: throw unexpected("`permit` or `forbid`")
    }
    _ = advance()
    try expect("(")
    let principal = try scopeConstraint(variable: "principal")
    try expect(",")
    let action = try actionConstraint()
    try expect(",")
    let resource = try scopeConstraint(variable: "resource")
    if isSymbol(",") { _ = advance() }
    try expect(")")
    var conditions: [Policy.Condition] = []
    while isKeyword("when") || isKeyword("unless") {
      let isWhen = isKeyword("when")
      _ = advance()
      try expect("{")
      if isSymbol("}") {
        throw PolicyError(.emptyCondition(isWhen ? "when" : "unless"), at: current.location)
      }
      conditions.append(Policy.Condition(isWhen: isWhen, body: try expression()))
      try expect("}")
    }
    try expect(";")
    return Policy(
      id: PolicyID(rawValue: annotations["id"] ?? "policy\(index)"), effect: effect,
      annotations: annotations,
      principal: principal, action: action, resource: resource, conditions: conditions,
      location: start)
  }

  private mutating func scopeVariable(_ variable: String) throws(PolicyError) {
    if isSymbol("?") {
      throw PolicyError(.unsupported("template slot `?\(variable)`"), at: current.location)
    }
    try expectKeyword(variable)
  }

  private mutating func scopeEntity(variable: String) throws(PolicyError) -> EntityUID {
    if isSymbol("?") {
      throw PolicyError(.unsupported("template slot `?\(variable)`"), at: current.location)
    }
    if isSymbol("[") {
      throw PolicyError(
        .unsupported("a set of entities in the \(variable) scope"), at: current.location)
    }
    return try entityUID()
  }

  mutating func scopeConstraint(variable: String) throws(PolicyError) -> ScopeConstraint {
    try scopeVariable(variable)
    if isSymbol("==") {
      _ = advance()
      return .equal(try scopeEntity(variable: variable))
    }
    if isKeyword("in") {
      _ = advance()
      return .in(try scopeEntity(variable: variable))
    }
    if isKeyword("is") {
      _ = advance()
      let type = try path(startingWith: try identifier())
      if isKeyword("in") {
        _ = advance()
        return .isTypeIn(type, try scopeEntity(variable: variable))
      }
      return .isType(type)
    }
    return .any
  }

  private mutating func actionUID() throws(PolicyError) -> EntityUID {
    let location = current.location
    let uid = try entityUID()
    guard uid.type == "Action" || uid.type.hasSuffix("::Action") else {
      throw PolicyError(.notAnAction(uid.description), at: location)
    }
    return uid
  }

  mutating func actionConstraint() throws(PolicyError) -> ScopeConstraint {
    try scopeVariable("action")
    if isSymbol("==") {
      _ = advance()
      return .equal(try actionUID())
    }
    if isKeyword("is") {
      throw PolicyError(.unsupported("`is` in the action scope"), at: current.location)
    }
    guard isKeyword("in") else { return .any }
    _ = advance()
    guard isSymbol("[") else { return .in(try actionUID()) }
    _ = advance()
    var uids: [EntityUID] = []
    while !isSymbol("]") {
      uids.append(try actionUID())
      guard isSymbol(",") else { break }
      _ = advance()
    }
    try expect("]")
    return .inAny(uids)
  }
}
