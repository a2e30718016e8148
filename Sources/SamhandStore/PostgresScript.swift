/// Reading SQL text the way PostgreSQL's lexer does, as far as placeholders and statement ends
/// need: a `?` or `;` counts only in code, not inside a quoted literal or identifier, a
/// dollar-quoted body or a comment.
enum PostgresScript {
  /// Calls `body` with each character of `text` and whether it is code.
  static func scan(_ text: String, _ body: (Character, Bool) -> Void) {
    var closing: String?
    var pending = ""
    var characters = text[...]
    /// Passes the next `count` characters on as not code.
    func skip(_ count: Int) {
      for _ in 0..<count { if let next = characters.popFirst() { body(next, false) } }
    }
    while let character = characters.popFirst() {
      if let end = closing {
        body(character, false)
        pending.append(character)
        if pending.hasSuffix(end) {
          closing = nil
          pending = ""
        }
        continue
      }
      switch character {
      case "'", "\"":
        body(character, false)
        closing = String(character)
      case "-" where characters.first == "-":
        body(character, false)
        closing = "\n"
      case "/" where characters.first == "*":
        body(character, false)
        skip(1)
        closing = "*/"
      case "$":
        let tag = characters.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        body(character, false)
        if characters.dropFirst(tag.count).first == "$", tag.first?.isNumber != true {
          skip(tag.count + 1)
          closing = "$\(tag)$"
        }
      default:
        body(character, true)
      }
    }
  }

  /// `text` with each `?` placeholder numbered (`$1`, `$2`, …).
  static func numberingPlaceholders(_ text: String) -> String {
    var rendered = ""
    rendered.reserveCapacity(text.utf8.count + 8)
    var number = 0
    scan(text) { character, isCode in
      if isCode, character == "?" {
        number += 1
        rendered += "$\(number)"
      } else {
        rendered.append(character)
      }
    }
    return rendered
  }

  /// The statements of a script, split at each `;` in code, blank ones left out.
  static func statements(_ text: String) -> [String] {
    var statements: [String] = []
    var current = ""
    scan(text) { character, isCode in
      if isCode, character == ";" {
        statements.append(current)
        current = ""
      } else {
        current.append(character)
      }
    }
    statements.append(current)
    return statements.filter { !$0.allSatisfy(\.isWhitespace) }
  }
}
