/// Why one policy could not be evaluated for one request; Cedar then treats the policy as not
/// satisfied and reports it in the decision's errors.
public enum EvaluationError: Error, Sendable, Equatable, CustomStringConvertible {
  case typeMismatch(expected: String, got: String)
  case missingAttribute(name: String, on: String)
  case entityNotFound(EntityUID)
  case overflow(operation: String, operands: [Int64])

  public var description: String {
    switch self {
    case .typeMismatch(let expected, let got): "type error: expected \(expected), got \(got)"
    case .missingAttribute(let name, let on): "\(on) does not have the attribute `\(name)`"
    case .entityNotFound(let uid): "entity `\(uid)` does not exist"
    case .overflow(let operation, let operands):
      "integer overflow while attempting to \(operation) "
        + operands.map { "`\($0)`" }.joined(separator: " and ")
    }
  }
}
