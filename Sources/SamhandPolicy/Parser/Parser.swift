/// Recursive-descent parser for the supported Cedar subset; it only builds syntax and never
/// evaluates. Nesting is limited so that hostile text cannot exhaust the stack.
struct Parser {
  static let maximumDepth = 200
  static let reserved: Set<String> = [
    "true", "false", "if", "then", "else", "in", "is", "like", "has", "__cedar",
  ]

  let tokens: [Token]
  var position = 0
  var depth = 0

  init(tokens: [Token]) {
    self.tokens = tokens
  }

  /// Parses every policy in `text`; `firstIndex` numbers policies without `@id` (`policyN`).
  static func policies(
    text: String, file: String, firstIndex: Int
  ) throws(PolicyError) -> [Policy] {
    var parser = Parser(tokens: try Lexer.tokens(text: text, file: file))
    var result: [Policy] = []
    while parser.current.kind != .end {
      result.append(try parser.policy(index: firstIndex + result.count))
    }
    return result
  }

  var current: Token { tokens[position] }

  mutating func advance() -> Token {
    let token = tokens[position]
    if position < tokens.count - 1 { position += 1 }
    return token
  }

  func isSymbol(_ symbol: String) -> Bool { current.kind == .symbol(symbol) }

  func isKeyword(_ word: String) -> Bool { current.kind == .identifier(word) }

  @discardableResult
  mutating func expect(_ symbol: String) throws(PolicyError) -> Token {
    guard isSymbol(symbol) else { throw unexpected("`\(symbol)`") }
    return advance()
  }

  mutating func expectKeyword(_ word: String) throws(PolicyError) {
    guard isKeyword(word) else { throw unexpected("`\(word)`") }
    _ = advance()
  }

  func unexpected(_ expected: String) -> PolicyError {
    PolicyError(.unexpected(found: current.display, expected: expected), at: current.location)
  }

  mutating func identifier() throws(PolicyError) -> String {
    guard case .identifier(let name) = current.kind else { throw unexpected("a name") }
    _ = advance()
    return name
  }

  /// A name used as an attribute or record key: reserved words are refused.
  mutating func attributeName() throws(PolicyError) -> String {
    let location = current.location
    let name = try identifier()
    if Self.reserved.contains(name) { throw PolicyError(.reservedIdentifier(name), at: location) }
    return name
  }

  mutating func stringLiteral() throws(PolicyError) -> String {
    guard case .string(let raw) = current.kind else { throw unexpected("a string literal") }
    let location = advance().location
    return try StringEscapes.decode(raw, at: location)
  }

  /// `A::B::C` after its first identifier has been read.
  mutating func path(startingWith first: String) throws(PolicyError) -> String {
    var name = first
    while isSymbol("::"), case .identifier = tokens[position + 1].kind {
      _ = advance()
      name += "::" + (try identifier())
    }
    return name
  }

  /// `Type::"id"`.
  mutating func entityUID() throws(PolicyError) -> EntityUID {
    let first = try identifier()
    let type = try path(startingWith: first)
    try expect("::")
    return EntityUID(type: type, id: try stringLiteral())
  }

  /// Counts one more level of nesting (a parenthesis, a set or record, or one link of an
  /// operator or member chain, each a level of the syntax tree).
  mutating func enter() throws(PolicyError) {
    depth += 1
    if depth > Self.maximumDepth {
      throw PolicyError(.nestingTooDeep(limit: Self.maximumDepth), at: current.location)
    }
  }

  mutating func leave() { depth -= 1 }
}
