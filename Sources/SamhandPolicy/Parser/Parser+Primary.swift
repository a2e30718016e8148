extension Parser {
  private static let extensionFunctions: Set<String> = ["ip", "decimal", "datetime", "duration"]
  private static let extensionMethods: Set<String> = [
    "lessThan", "lessThanOrEqual", "greaterThan", "greaterThanOrEqual", "isIpv4", "isIpv6",
    "isLoopback", "isMulticast", "isInRange", "toDate", "toTime", "toDays", "toHours",
    "toMinutes", "toSeconds", "toMilliseconds", "offset", "durationSince",
  ]

  /// A primary followed by any number of `.attr`, `.method(…)` and `["attr"]`.
  mutating func member() throws(PolicyError) -> Expr {
    var expr = try primary()
    var links = 0
    defer { depth -= links }
    while true {
      let location = current.location
      if isSymbol("[") || isSymbol(".") {
        try enter()
        links += 1
      }
      if isSymbol("[") {
        _ = advance()
        guard case .string = current.kind else { throw unexpected("a string literal") }
        expr = Expr(.getAttribute(expr, try stringLiteral()), at: location)
        try expect("]")
      } else if isSymbol(".") {
        _ = advance()
        let nameLocation = current.location
        let name = try attributeName()
        guard isSymbol("(") else {
          expr = Expr(.getAttribute(expr, name), at: location)
          continue
        }
        _ = advance()
        let arguments = try expressionList(closing: ")")
        expr = try method(name, receiver: expr, arguments: arguments, at: nameLocation)
      } else {
        return expr
      }
    }
  }

  private func method(
    _ name: String, receiver: Expr, arguments: [Expr], at location: SourceLocation
  ) throws(PolicyError) -> Expr {
    let op: Expr.BinaryOp
    switch name {
    case "contains": op = .contains
    case "containsAll": op = .containsAll
    case "containsAny": op = .containsAny
    case "isEmpty":
      guard arguments.isEmpty else {
        throw PolicyError(
          .wrongArgumentCount(name: name, expected: 0, got: arguments.count), at: location)
      }
      return Expr(.isEmpty(receiver), at: location)
    case "getTag", "hasTag":
      throw PolicyError(.unsupported("entity tags (`\(name)`)"), at: location)
    default:
      if Self.extensionMethods.contains(name) {
        throw PolicyError(.unsupportedExtension(name), at: location)
      }
      throw PolicyError(.unknownMethod(name), at: location)
    }
    guard arguments.count == 1 else {
      throw PolicyError(
        .wrongArgumentCount(name: name, expected: 1, got: arguments.count), at: location)
    }
    return Expr(.binary(op, receiver, arguments[0]), at: location)
  }

  /// Comma-separated expressions up to `closing` (a trailing comma is allowed).
  mutating func expressionList(closing: String) throws(PolicyError) -> [Expr] {
    var items: [Expr] = []
    while !isSymbol(closing) {
      items.append(try expression())
      guard isSymbol(",") else { break }
      _ = advance()
    }
    try expect(closing)
    return items
  }

  private mutating func primary() throws(PolicyError) -> Expr {
    let location = current.location
    switch current.kind {
    case .integer(let digits):
      _ = advance()
      guard let value = Int64(digits) else {
        throw PolicyError(.integerTooLarge(digits), at: location)
      }
      return Expr(.literal(.long(value)), at: location)
    case .string:
      return Expr(.literal(.string(try stringLiteral())), at: location)
    case .symbol("("):
      _ = advance()
      let inner = try expression()
      try expect(")")
      return inner
    case .symbol("["):
      _ = advance()
      try enter()
      defer { leave() }
      return Expr(.set(try expressionList(closing: "]")), at: location)
    case .symbol("{"):
      _ = advance()
      try enter()
      defer { leave() }
      return Expr(.record(try recordEntries()), at: location)
    case .identifier(let name):
      _ = advance()
      return try named(name, at: location)
    default:
      throw unexpected("an expression")
    }
  }

  private mutating func named(_ name: String, at location: SourceLocation) throws(PolicyError)
    -> Expr
  {
    if isSymbol("::") {
      let type = try path(startingWith: name)
      try expect("::")
      let id = try stringLiteral()
      return Expr(.literal(.entity(EntityUID(type: type, id: id))), at: location)
    }
    if isSymbol("(") {
      if Self.extensionFunctions.contains(name) {
        throw PolicyError(.unsupportedExtension(name), at: location)
      }
      throw PolicyError(.unknownFunction(name), at: location)
    }
    switch name {
    case "true": return Expr(.literal(.bool(true)), at: location)
    case "false": return Expr(.literal(.bool(false)), at: location)
    default:
      guard let variable = Expr.Variable(rawValue: name) else {
        throw PolicyError(.unknownVariable(name), at: location)
      }
      return Expr(.variable(variable), at: location)
    }
  }

  private mutating func recordEntries() throws(PolicyError) -> [(String, Expr)] {
    var entries: [(String, Expr)] = []
    var seen: Set<String> = []
    while !isSymbol("}") {
      let keyLocation = current.location
      let key: String
      if case .string = current.kind {
        key = try stringLiteral()
      } else {
        key = try attributeName()
      }
      guard seen.insert(key).inserted else {
        throw PolicyError(.duplicateRecordKey(key), at: keyLocation)
      }
      try expect(":")
      entries.append((key, try expression()))
      guard isSymbol(",") else { break }
      _ = advance()
    }
    try expect("}")
    return entries
  }
}
