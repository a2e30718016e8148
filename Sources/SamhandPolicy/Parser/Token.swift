/// One lexical token of policy text.
struct Token: Sendable {
  enum Kind: Sendable, Equatable {
    case identifier(String)
    /// The raw text between the quotes, escapes not yet decoded (a `like` pattern decodes `\*`).
    case string(String)
    case integer(String)
    case symbol(String)
    case end
  }

  let kind: Kind
  let location: SourceLocation

  var display: String {
    switch kind {
    case .identifier(let name): "`\(name)`"
    case .string(let raw): "\"\(raw)\""
    case .integer(let digits): "`\(digits)`"
    case .symbol(let symbol): "`\(symbol)`"
    case .end: "end of input"
    }
  }
}
