/// What a resource must satisfy for a policy (or a set) to hold, when the request names no
/// resource yet: a boolean formula over tests of the resource's attributes. Lists use it to
/// select in the database only the resources the policies could allow, before deciding each.
///
/// ```swift
/// let residual = policies.residual(for: request)  // e.g. careTeam includes Staff::"s1"
/// let sql = translate(residual.allow)             // the store turns it into a condition
/// ```
public indirect enum Residual: Sendable, Hashable {
  case constant(Bool)
  case test(AttributeTest)
  case not(Residual)
  case and([Residual])
  case or([Residual])

  /// `self && other`, folding constants.
  public static func && (lhs: Residual, rhs: Residual) -> Residual {
    switch (lhs, rhs) {
    case (.constant(false), _), (_, .constant(false)): return .constant(false)
    case (.constant(true), let other), (let other, .constant(true)): return other
    case (.and(let left), .and(let right)): return .and(left + right)
    case (.and(let left), let other): return .and(left + [other])
    case (let other, .and(let right)): return .and([other] + right)
    default: return .and([lhs, rhs])
    }
  }

  /// `self || other`, folding constants.
  public static func || (lhs: Residual, rhs: Residual) -> Residual {
    switch (lhs, rhs) {
    case (.constant(true), _), (_, .constant(true)): return .constant(true)
    case (.constant(false), let other), (let other, .constant(false)): return other
    case (.or(let left), .or(let right)): return .or(left + right)
    case (.or(let left), let other): return .or(left + [other])
    case (let other, .or(let right)): return .or([other] + right)
    default: return .or([lhs, rhs])
    }
  }

  /// `!self`, folding constants and double negation.
  public static prefix func ! (operand: Residual) -> Residual {
    switch operand {
    case .constant(let value): return .constant(!value)
    case .not(let inner): return inner
    default: return .not(operand)
    }
  }

  /// The formula with each test `replaces` picks replaced by the constant that makes the
  /// formula hold for more resources when `positive` (it counts towards the formula) or for
  /// fewer when not; polarity flips under negation.
  func replacing(positive: Bool, _ replaces: (AttributeTest) -> Bool) -> Residual {
    switch self {
    case .constant: return self
    case .test(let test): return replaces(test) ? .constant(positive) : self
    case .not(let inner): return !inner.replacing(positive: !positive, replaces)
    case .and(let parts):
      return parts.reduce(.constant(true)) { $0 && $1.replacing(positive: positive, replaces) }
    case .or(let parts):
      return parts.reduce(.constant(false)) { $0 || $1.replacing(positive: positive, replaces) }
    }
  }

  /// The formula's value for one resource whose attribute tests `holds` answers.
  public func evaluate(_ holds: (AttributeTest) throws -> Bool) rethrows -> Bool {
    switch self {
    case .constant(let value): return value
    case .test(let test): return try holds(test)
    case .not(let inner): return !(try inner.evaluate(holds))
    case .and(let parts): return try parts.allSatisfy { try $0.evaluate(holds) }
    case .or(let parts): return try parts.contains { try $0.evaluate(holds) }
    }
  }
}

/// One test of an attribute of the unknown resource, reached by `path` (e.g.
/// `["recipient", "careTeam"]` for `resource.recipient.careTeam`).
public struct AttributeTest: Sendable, Hashable, CustomStringConvertible {
  public enum Kind: Sendable, Hashable {
    /// The attribute equals the value (Cedar `==`).
    case equals(CedarValue)
    /// The attribute is one of the values or, when it is a set, holds one of them (Cedar
    /// `principal in resource.x`, `resource.x.contains(v)`, `resource.x.containsAny(s)`).
    case includesAny(Set<CedarValue>)
  }

  public let path: [String]
  public let kind: Kind

  public init(path: [String], kind: Kind) {
    self.path = path
    self.kind = kind
  }

  public var description: String {
    let attribute = (["resource"] + path).joined(separator: ".")
    switch kind {
    case .equals(let value): return "\(attribute) == \(value)"
    case .includesAny(let values): return "\(attribute) includes any of \(values.count) values"
    }
  }
}
