/// Splits policy text into tokens; `//` comments and whitespace are dropped.
struct Lexer {
  private let scalars: [Unicode.Scalar]
  private let file: String
  private var index = 0
  private var line = 1
  private var column = 1

  private static let twoCharSymbols: Set<String> = ["==", "!=", "<=", ">=", "&&", "||", "::"]
  private static let oneCharSymbols: Set<Unicode.Scalar> = [
    "@", "(", ")", "{", "}", "[", "]", ",", ";", ".", "<", ">", "!", "-", "+", "*", "/", "%",
    "?", ":", "=",
  ]

  init(text: String, file: String) {
    self.scalars = Array(text.unicodeScalars)
    self.file = file
  }

  static func tokens(text: String, file: String) throws(PolicyError) -> [Token] {
    var lexer = Lexer(text: text, file: file)
    var result: [Token] = []
    while true {
      let token = try lexer.next()
      result.append(token)
      if token.kind == .end { return result }
    }
  }

  private var location: SourceLocation { SourceLocation(file: file, line: line, column: column) }

  private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
    index + offset < scalars.count ? scalars[index + offset] : nil
  }

  private mutating func advance() {
    if scalars[index] == "\n" {
      line += 1
      column = 1
    } else {
      column += 1
    }
    index += 1
  }

  private mutating func skipTrivia() {
    while let scalar = peek() {
      if scalar.properties.isWhitespace {
        advance()
      } else if scalar == "/", peek(1) == "/" {
        while let inner = peek(), inner != "\n" { advance() }
      } else {
        return
      }
    }
  }

  private mutating func next() throws(PolicyError) -> Token {
    skipTrivia()
    let start = location
    guard let scalar = peek() else { return Token(kind: .end, location: start) }
    if scalar == "_" || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) {
      var name = ""
      while let inner = peek(), inner == "_" || isASCIIAlphanumeric(inner) {
        name.unicodeScalars.append(inner)
        advance()
      }
      return Token(kind: .identifier(name), location: start)
    }
    if ("0"..."9").contains(scalar) {
      var digits = ""
      while let inner = peek(), ("0"..."9").contains(inner) {
        digits.unicodeScalars.append(inner)
        advance()
      }
      return Token(kind: .integer(digits), location: start)
    }
    if scalar == "\"" {
      return Token(kind: .string(try lexString(start: start)), location: start)
    }
    if let second = peek(1), Self.twoCharSymbols.contains(String(scalar) + String(second)) {
      advance()
      advance()
      return Token(kind: .symbol(String(scalar) + String(second)), location: start)
    }
    if Self.oneCharSymbols.contains(scalar) {
      advance()
      return Token(kind: .symbol(String(scalar)), location: start)
    }
    throw PolicyError(.unexpectedCharacter(String(scalar)), at: start)
  }

  private func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
  }

  private mutating func lexString(start: SourceLocation) throws(PolicyError) -> String {
    advance()
    var raw = ""
    while let scalar = peek() {
      if scalar == "\"" {
        advance()
        return raw
      }
      if scalar == "\\", let escaped = peek(1) {
        raw.unicodeScalars.append(scalar)
        raw.unicodeScalars.append(escaped)
        advance()
        advance()
        continue
      }
      raw.unicodeScalars.append(scalar)
      advance()
    }
    throw PolicyError(.unterminatedString, at: start)
  }
}
