/// A condition expression as written, with the position of every node; the parser builds it,
/// the compiler and the validator read it.
public struct Expr: Sendable {
  public let kind: Kind
  public let location: SourceLocation

  public init(_ kind: Kind, at location: SourceLocation) {
    self.kind = kind
    self.location = location
  }

  /// The four request variables.
  public enum Variable: String, Sendable {
    case principal, action, resource, context
  }

  /// Operators with two operands evaluated left to right (no short-circuit).
  public enum BinaryOp: String, Sendable {
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">"
    case greaterEqual = ">=", add = "+", subtract = "-", multiply = "*", `in` = "in"
    case contains, containsAll, containsAny
  }

  /// The node kinds of the supported subset.
  public indirect enum Kind: Sendable {
    case literal(CedarValue)
    case variable(Variable)
    case not(Expr)
    case negate(Expr)
    case and(Expr, Expr)
    case or(Expr, Expr)
    case ifThenElse(Expr, Expr, Expr)
    case binary(BinaryOp, Expr, Expr)
    case getAttribute(Expr, String)
    case hasAttribute(Expr, String)
    case like(Expr, Pattern)
    case isType(Expr, String)
    case isEmpty(Expr)
    case set([Expr])
    case record([(String, Expr)])
  }
}
