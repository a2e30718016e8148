/// A policy that errored during one decision, so it was treated as not satisfied.
public struct PolicyEvaluationError: Error, Sendable, Equatable, CustomStringConvertible {
  public let policy: PolicyID
  public let error: EvaluationError

  public init(policy: PolicyID, error: EvaluationError) {
    self.policy = policy
    self.error = error
  }

  public var message: String { error.description }

  public var description: String { "error while evaluating policy `\(policy)`: \(error)" }
}
