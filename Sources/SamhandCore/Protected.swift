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
