/// A domain rule was broken by the input. Each case reads as one line a user can act on.
public enum DomainError: Error, Equatable, Sendable, CustomStringConvertible {
  case invalidNationalID(reason: String)
  case invalidServiceCode(String)
  case unknownCategory(String)
  case unknownRole(String)
  case invalidDate(String)
  case endBeforeStart
  case dateInPast(String)
  case emptyField(String)
  case emptyScope(String)
  /// A one-line text field (a name) is longer than `max` characters.
  case tooLong(field: String, max: Int)
  /// A one-line text field holds a control character (a line break, a tab, an escape).
  case controlCharacter(field: String)

  public var description: String {
    switch self {
    case .invalidNationalID(let reason):
      return "invalid national id: \(reason)"
    case .invalidServiceCode(let code):
      return "invalid service code '\(code)': use 2-40 lowercase letters, digits and hyphens"
    case .unknownCategory(let text):
      let known = InformationCategory.allCases.map(\.rawValue).joined(separator: ", ")
      return "unknown information category '\(text)' (known: \(known))"
    case .unknownRole(let text):
      let known = StaffRole.allCases.map(\.rawValue).joined(separator: ", ")
      return "unknown role '\(text)' (known: \(known))"
    case .invalidDate(let text):
      return "'\(text)' is not a date; use YYYY-MM-DD"
    case .endBeforeStart:
      return "the end date is before the start date"
    case .dateInPast(let field):
      return "\(field) is in the past"
    case .emptyField(let field):
      return "\(field) must not be empty"
    case .emptyScope(let what):
      return "name at least one \(what)"
    case .tooLong(let field, let max):
      return "\(field) must be at most \(max) characters"
    case .controlCharacter(let field):
      return "\(field) must be one line of text without control characters"
    }
  }
}
