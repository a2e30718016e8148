/// Why policy text, a policy directory or a schema was refused, with the file:line:column of the
/// offending text where there is one. A refused set is refused as a whole.
///
/// ```swift
/// do { _ = try PolicySet.parse(text: "permit(", fileName: "nav.cedar") }
/// catch { print(error) }  // nav.cedar:1:8: expected `principal`, found end of input
/// ```
public struct PolicyError: Error, Sendable, CustomStringConvertible {
  public let reason: Reason
  public let location: SourceLocation?

  public init(_ reason: Reason, at location: SourceLocation?) {
    self.reason = reason
    self.location = location
  }

  public var description: String {
    guard let location else { return reason.description }
    return "\(location): \(reason)"
  }

  /// What is wrong, one line each.
  public enum Reason: Sendable, Equatable, CustomStringConvertible {
    case unexpectedCharacter(String)
    case unterminatedString
    case unexpected(found: String, expected: String)
    case invalidEscape(String)
    case integerTooLarge(String)
    case reservedIdentifier(String)
    case unknownVariable(String)
    case unknownFunction(String)
    case unknownMethod(String)
    case wrongArgumentCount(name: String, expected: Int, got: Int)
    case unsupportedExtension(String)
    case unsupported(String)
    case duplicateAnnotation(String)
    case duplicateRecordKey(String)
    case tooManyUnaryOperators(String)
    case chainedRelations
    case notAnAction(String)
    case emptyCondition(String)
    case nestingTooDeep(limit: Int)
    case duplicatePolicyId(id: PolicyID, first: SourceLocation)
    case unreadable(path: String, detail: String)
    case invalidSchema(String)
    case invalid(String)

    public var description: String {
      switch self {
      case .unexpectedCharacter(let text): "unexpected character `\(text)`"
      case .unterminatedString: "string literal is not closed; add the closing `\"`"
      case .unexpected(let found, let expected): "expected \(expected), found \(found)"
      case .invalidEscape(let text): "`\(text)` is not a valid escape in a string"
      case .integerTooLarge(let digits): "integer literal `\(digits)` does not fit in 64 bits"
      case .reservedIdentifier(let name): "`\(name)` is reserved and cannot be used as a name"
      case .unknownVariable(let name):
        "unknown variable `\(name)`; use principal, action, resource or context"
      case .unknownFunction(let name): "`\(name)` is not a function"
      case .unknownMethod(let name): "`\(name)` is not a method"
      case .wrongArgumentCount(let name, let expected, let got):
        "`\(name)` takes \(expected) argument\(expected == 1 ? "" : "s"), got \(got)"
      case .unsupportedExtension(let name):
        "extension `\(name)` (ip, decimal, datetime, duration) is not supported by this engine; "
          + "rewrite the policy without it"
      case .unsupported(let what): "\(what) is not supported"
      case .duplicateAnnotation(let key): "annotation @\(key) appears twice on one policy"
      case .duplicateRecordKey(let key): "record literal has the key `\(key)` twice"
      case .tooManyUnaryOperators(let op): "more than four `\(op)` in a row"
      case .chainedRelations:
        "relational operators (==, <, in, has, like, is) must be parenthesised when combined"
      case .notAnAction(let uid): "expected an entity of type `Action`, found `\(uid)`"
      case .emptyCondition(let keyword): "`\(keyword)` condition cannot be empty"
      case .nestingTooDeep(let limit):
        "expression nested more than \(limit) levels deep; split it into simpler conditions"
      case .duplicatePolicyId(let id, let first):
        "policy id `\(id)` is already used at \(first); give each policy a unique @id"
      case .unreadable(let path, let detail): "cannot read \(path): \(detail)"
      case .invalidSchema(let detail): "invalid schema: \(detail)"
      case .invalid(let detail): detail
      }
    }
  }
}
