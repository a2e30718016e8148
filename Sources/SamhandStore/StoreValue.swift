import Foundation

/// A value as both backends bind and return it: SQLite's storage classes, which PostgreSQL's
/// column types map onto (booleans are stored as integers 0 and 1, timestamps as ISO 8601
/// text), so repositories read and write one shape whatever the database.
public enum StoreValue: Sendable, Hashable {
  case null
  case integer(Int64)
  case real(Double)
  case text(String)
  case blob(Data)

  /// How a value is named in an error: its kind, never its content (a sealed column's bytes or
  /// a name must not reach a log).
  var kind: String {
    switch self {
    case .null: return "NULL"
    case .integer: return "an integer"
    case .real: return "a real"
    case .text: return "text"
    case .blob: return "a blob"
    }
  }
}

/// A Swift type a column can be read as and an SQL argument can be bound from.
public protocol StoreValueConvertible: Sendable {
  var storeValue: StoreValue { get }
  /// The value read from a column, or nil when the column holds something else.
  init?(storeValue: StoreValue)
}

extension String: StoreValueConvertible {
  public var storeValue: StoreValue { .text(self) }
  public init?(storeValue: StoreValue) {
    switch storeValue {
    case .text(let text): self = text
    case .blob(let data):
      guard let text = String(data: data, encoding: .utf8) else { return nil }
      self = text
    default: return nil
    }
  }
}

extension Int64: StoreValueConvertible {
  public var storeValue: StoreValue { .integer(self) }
  public init?(storeValue: StoreValue) {
    switch storeValue {
    case .integer(let value): self = value
    case .real(let value):
      guard let exact = Int64(exactly: value) else { return nil }
      self = exact
    default: return nil
    }
  }
}

extension Int: StoreValueConvertible {
  public var storeValue: StoreValue { .integer(Int64(self)) }
  public init?(storeValue: StoreValue) {
    guard let value = Int64(storeValue: storeValue) else { return nil }
    self = Int(value)
  }
}

extension Double: StoreValueConvertible {
  public var storeValue: StoreValue { .real(self) }
  public init?(storeValue: StoreValue) {
    switch storeValue {
    case .real(let value): self = value
    case .integer(let value): self = Double(value)
    default: return nil
    }
  }
}

extension Bool: StoreValueConvertible {
  public var storeValue: StoreValue { .integer(self ? 1 : 0) }
  public init?(storeValue: StoreValue) {
    guard case .integer(let value) = storeValue else { return nil }
    self = value != 0
  }
}

extension Data: StoreValueConvertible {
  public var storeValue: StoreValue { .blob(self) }
  public init?(storeValue: StoreValue) {
    switch storeValue {
    case .blob(let data): self = data
    case .text(let text): self = Data(text.utf8)
    default: return nil
    }
  }
}

extension Optional: StoreValueConvertible where Wrapped: StoreValueConvertible {
  public var storeValue: StoreValue { self?.storeValue ?? .null }
  public init?(storeValue: StoreValue) {
    if case .null = storeValue {
      self = .none
    } else if let value = Wrapped(storeValue: storeValue) {
      self = .some(value)
    } else {
      return nil
    }
  }
}

extension StoreValue: StoreValueConvertible {
  public var storeValue: StoreValue { self }
  public init?(storeValue: StoreValue) { self = storeValue }
}
