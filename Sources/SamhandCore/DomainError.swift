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
    }
  }
}
