/// One parsed `permit` or `forbid` statement with its annotations and the place it was written.
public struct Policy: Sendable {
  /// Whether a satisfied policy allows or denies.
  public enum Effect: String, Sendable {
    case permit, forbid
  }

  /// A `when` or `unless` block.
  public struct Condition: Sendable {
    public let isWhen: Bool
    public let body: Expr
  }

  public let id: PolicyID
  public let effect: Effect
  public let annotations: [String: String]
  public let principal: ScopeConstraint
  public let action: ScopeConstraint
  public let resource: ScopeConstraint
  public let conditions: [Condition]
  public let location: SourceLocation
}
