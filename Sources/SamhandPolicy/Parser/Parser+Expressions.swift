extension Parser {
  /// `if … then … else …` or an `||` chain.
  mutating func expression() throws(PolicyError) -> Expr {
    try enter()
    defer { leave() }
    let location = current.location
    guard isKeyword("if") else { return try orChain() }
    _ = advance()
    let condition = try expression()
    try expectKeyword("then")
    let then = try expression()
    try expectKeyword("else")
    let otherwise = try expression()
    return Expr(.ifThenElse(condition, then, otherwise), at: location)
  }

  private mutating func orChain() throws(PolicyError) -> Expr {
    var left = try andChain()
    var links = 0
    defer { depth -= links }
    while isSymbol("||") {
      try enter()
      links += 1
      let location = advance().location
      left = Expr(.or(left, try andChain()), at: location)
    }
    return left
  }

  private mutating func andChain() throws(PolicyError) -> Expr {
    var left = try relation()
    var links = 0
    defer { depth -= links }
    while isSymbol("&&") {
      try enter()
      links += 1
      let location = advance().location
      left = Expr(.and(left, try relation()), at: location)
    }
    return left
  }

  private static let relationalSymbols: [String: Expr.BinaryOp] = [
    "==": .equal, "!=": .notEqual, "<": .less, "<=": .lessEqual, ">": .greater,
    ">=": .greaterEqual,
  ]

  private var atRelationalOperator: Bool {
    if case .symbol(let symbol) = current.kind { return Self.relationalSymbols[symbol] != nil }
    return isKeyword("in") || isKeyword("has") || isKeyword("like") || isKeyword("is")
  }

  private mutating func relation() throws(PolicyError) -> Expr {
    let left = try additive()
    let location = current.location
    let result: Expr
    if case .symbol(let symbol) = current.kind, let op = Self.relationalSymbols[symbol] {
      _ = advance()
      result = Expr(.binary(op, left, try additive()), at: location)
    } else if isKeyword("in") {
      _ = advance()
      result = Expr(.binary(.in, left, try additive()), at: location)
    } else if isKeyword("has") {
      _ = advance()
      result = try hasChain(left, at: location)
    } else if isKeyword("like") {
      _ = advance()
      guard case .string(let raw) = current.kind else { throw unexpected("a pattern string") }
      let patternLocation = advance().location
      result = Expr(.like(left, try StringEscapes.pattern(raw, at: patternLocation)), at: location)
    } else if isKeyword("is") {
      _ = advance()
      let type = try path(startingWith: try identifier())
      let test = Expr(.isType(left, type), at: location)
      guard isKeyword("in") else { return try noFurtherRelation(test) }
      let inLocation = advance().location
      let membership = Expr(.binary(.in, left, try additive()), at: inLocation)
      result = Expr(.and(test, membership), at: location)
    } else {
      return left
    }
    return try noFurtherRelation(result)
  }

  private func noFurtherRelation(_ expr: Expr) throws(PolicyError) -> Expr {
    if atRelationalOperator { throw PolicyError(.chainedRelations, at: current.location) }
    return expr
  }

  /// `e has a.b.c` means `e has a && e.a has b && e.a.b has c`.
  private mutating func hasChain(_ target: Expr, at location: SourceLocation)
    throws(PolicyError) -> Expr
  {
    var names = [try hasName()]
    while isSymbol(".") {
      _ = advance()
      names.append(try attributeName())
    }
    var receiver = target
    var result = Expr(.hasAttribute(target, names[0]), at: location)
    for index in names.indices.dropFirst() {
      receiver = Expr(.getAttribute(receiver, names[index - 1]), at: location)
      result = Expr(
        .and(result, Expr(.hasAttribute(receiver, names[index]), at: location)),
        at: location)
    }
    return result
  }

  private mutating func hasName() throws(PolicyError) -> String {
    if case .string = current.kind { return try stringLiteral() }
    return try attributeName()
  }

  private mutating func additive() throws(PolicyError) -> Expr {
    var left = try multiplicative()
    var links = 0
    defer { depth -= links }
    while isSymbol("+") || isSymbol("-") {
      try enter()
      links += 1
      let op: Expr.BinaryOp = isSymbol("+") ? .add : .subtract
      let location = advance().location
      left = Expr(.binary(op, left, try multiplicative()), at: location)
    }
    return left
  }

  private mutating func multiplicative() throws(PolicyError) -> Expr {
    var left = try unary()
    var links = 0
    defer { depth -= links }
    while true {
      if isSymbol("/") || isSymbol("%") {
        throw PolicyError(.unsupported("division and remainder"), at: current.location)
      }
      guard isSymbol("*") else { return left }
      try enter()
      links += 1
      let location = advance().location
      left = Expr(.binary(.multiply, left, try unary()), at: location)
    }
  }

  private mutating func unary() throws(PolicyError) -> Expr {
    guard isSymbol("!") || isSymbol("-") else { return try member() }
    let symbol = isSymbol("!") ? "!" : "-"
    var locations: [SourceLocation] = []
    while isSymbol(symbol) { locations.append(advance().location) }
    if locations.count > 4 {
      throw PolicyError(.tooManyUnaryOperators(symbol), at: locations[4])
    }
    var operand: Expr
    if symbol == "-", case .integer(let digits) = current.kind,
      !tokens[position + 1].kind.startsAccess
    {
      let location = advance().location
      guard let value = Int64("-" + digits) else {
        throw PolicyError(.integerTooLarge(digits), at: location)
      }
      operand = Expr(.literal(.long(value)), at: locations.removeLast())
    } else {
      operand = try member()
    }
    for location in locations.reversed() {
      operand = Expr(symbol == "!" ? .not(operand) : .negate(operand), at: location)
    }
    return operand
  }
}

extension Token.Kind {
  /// Whether this token continues a member expression (`.attr`, `["attr"]`).
  var startsAccess: Bool { self == .symbol(".") || self == .symbol("[") }
}
