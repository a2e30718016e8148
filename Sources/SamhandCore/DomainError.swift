/// A domain rule was broken by the input. Each case reads as one line a user can act on.
public enum DomainError: Error, Equatable, Sendable, CustomStringConvertible {
  case invalidNationalID(reason: String)
  case invalidServiceCode(String)

  public var description: String {
    switch self {
    case .invalidNationalID(let reason):
      return "invalid national id: \(reason)"
    case .invalidServiceCode(let code):
      return "invalid service code '\(code)': use 2-40 lowercase letters, digits and hyphens"
    }
  }
}
