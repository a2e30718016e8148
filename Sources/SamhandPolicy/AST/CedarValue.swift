/// A value a policy computes with: the attributes of entities, the request context, literals.
///
/// ```swift
/// let context: [String: CedarValue] = ["purpose": .string("treatment"), "breakGlass": false]
/// ```
///
/// Extension values (ip, decimal, datetime) are not part of the supported subset.
public enum CedarValue: Sendable, Hashable {
  case bool(Bool)
  case long(Int64)
  case string(String)
  case entity(EntityUID)
  case set(Set<CedarValue>)
  case record([String: CedarValue])

  public static func == (lhs: CedarValue, rhs: CedarValue) -> Bool {
    switch (lhs, rhs) {
    case (.bool(let a), .bool(let b)): a == b
    case (.long(let a), .long(let b)): a == b
    case (.string(let a), .string(let b)): ExactString.equal(a, b)
    case (.entity(let a), .entity(let b)): a == b
    case (.set(let a), .set(let b)): a == b
    case (.record(let a), .record(let b)): a == b
    default: false
    }
  }

  public func hash(into hasher: inout Hasher) {
    switch self {
    case .bool(let value): hasher.combine(value)
    case .long(let value): hasher.combine(value)
    case .string(let value): hasher.combine(value)
    case .entity(let value): hasher.combine(value)
    case .set(let value): hasher.combine(value)
    case .record(let value): hasher.combine(value)
    }
  }

  /// The Cedar name of the value's type, as error messages show it.
  public var typeName: String {
    switch self {
    case .bool: "bool"
    case .long: "long"
    case .string: "string"
    case .entity: "entity"
    case .set: "set"
    case .record: "record"
    }
  }
}
