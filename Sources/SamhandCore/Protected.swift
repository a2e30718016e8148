/// A sealed field as read back from the store: its plaintext, or `erased` once the recipient's
/// data key has been destroyed (crypto-shredding). Erasure is a state to show, never an error.
///
/// ```swift
/// switch recipient.name {
/// case .value(let name): print(name)
/// case .erased: print("[erased]")
/// }
/// ```
public enum Protected<Value: Sendable & Equatable>: Sendable, Equatable {
  case value(Value)
  case erased

  /// The plaintext, or nil when erased.
  public var value: Value? {
    if case .value(let value) = self { return value }
    return nil
  }

  /// Transforms the plaintext; erasure stays erasure.
  public func map<T: Sendable & Equatable>(_ transform: (Value) throws -> T) rethrows -> Protected<
    T
  > {
    switch self {
    case .value(let value): return .value(try transform(value))
    case .erased: return .erased
    }
  }
}

extension Protected: CustomStringConvertible {
  /// Renders erased values with a fixed marker so every interface shows erasure the same way.
  public var description: String {
    switch self {
    case .value(let value): return "\(value)"
    case .erased: return Self.erasedMarker
    }
  }

  public static var erasedMarker: String { "[erased]" }
}

/// In JSON an erased value is the marker string `"[erased]"`, whatever the value's type, so a
/// client can tell erasure from an absent value (`null`).
extension Protected: Encodable where Value: Encodable {
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .value(let value): try container.encode(value)
    case .erased: try container.encode(Self.erasedMarker)
    }
  }
}
