/// An SQL statement with its arguments bound by position, built by interpolation the way the
/// repositories write it, whatever the backend:
///
/// ```swift
/// let query: StoreSQL = "SELECT id FROM consents WHERE recipient_id = \(recipient.rawValue)"
/// let listed: StoreSQL = "... WHERE service_code IN \(codes)"  // (?, ?, ?)
/// ```
///
/// Interpolated values become `?` placeholders; each backend renders them as its own
/// (`GRDBConnection` as they are, `PostgresConnection` as `$1, $2, …`). Only `sql:` inserts
/// text as it is, for fragments the code itself wrote.
public struct StoreSQL: Sendable, Equatable, ExpressibleByStringInterpolation {
  public private(set) var text: String
  public private(set) var arguments: [StoreValue]
  /// Whether the text is the same on every run (no raw fragment or list was interpolated), so
  /// that a backend may keep its prepared statement.
  public private(set) var isStatic: Bool

  /// A statement from text the code wrote. `isStatic` says the text is a constant (the same on
  /// every run), so that its prepared statement may be kept.
  public init(sql text: String, arguments: [StoreValue] = [], isStatic: Bool = false) {
    self.text = text
    self.arguments = arguments
    self.isStatic = isStatic
  }

  public init(stringLiteral value: String) {
    self.init(sql: value, isStatic: true)
  }

  public init(stringInterpolation: StringInterpolation) {
    text = stringInterpolation.text
    arguments = stringInterpolation.arguments
    isStatic = stringInterpolation.isStatic
  }

  /// `sql` appended to this statement.
  public static func + (lhs: StoreSQL, rhs: StoreSQL) -> StoreSQL {
    var joined = lhs
    joined.text += rhs.text
    joined.arguments += rhs.arguments
    joined.isStatic = lhs.isStatic && rhs.isStatic
    return joined
  }

  public static func += (lhs: inout StoreSQL, rhs: StoreSQL) { lhs = lhs + rhs }

  public struct StringInterpolation: StringInterpolationProtocol {
    var text = ""
    var arguments: [StoreValue] = []
    var isStatic = true

    public init(literalCapacity: Int, interpolationCount: Int) {
      text.reserveCapacity(literalCapacity + 2 * interpolationCount)
    }

    public mutating func appendLiteral(_ literal: String) { text += literal }

    /// A value, bound as an argument.
    public mutating func appendInterpolation<T: StoreValueConvertible>(_ value: T) {
      text += "?"
      arguments.append(value.storeValue)
    }

    /// An optional value, bound as an argument: NULL when absent.
    public mutating func appendInterpolation<T: StoreValueConvertible>(_ value: T?) {
      text += "?"
      arguments.append(value?.storeValue ?? .null)
    }

    /// A list of values as `(?, ?, …)`, for `IN`. An empty list is a subquery of no rows, so
    /// `x IN` it is false and `x NOT IN` it true on both backends.
    public mutating func appendInterpolation<S: Sequence>(_ values: S)
    where S.Element: StoreValueConvertible {
      let bound = values.map(\.storeValue)
      isStatic = false
      guard !bound.isEmpty else {
        text += "(SELECT NULL WHERE FALSE)"
        return
      }
      text += "(" + Array(repeating: "?", count: bound.count).joined(separator: ", ") + ")"
      arguments += bound
    }

    /// Another statement, inlined with its arguments.
    public mutating func appendInterpolation(_ sql: StoreSQL) {
      text += sql.text
      arguments += sql.arguments
      isStatic = isStatic && sql.isStatic
    }

    /// Text the code wrote itself (a column name, a constant fragment), inserted as it is.
    public mutating func appendInterpolation(sql: String, arguments bound: [StoreValue] = []) {
      text += sql
      arguments += bound
      isStatic = false
    }
  }
}

extension Sequence where Element == StoreSQL {
  /// The statements joined by `separator` (e.g. `" AND "`), arguments in order.
  public func joined(separator: String) -> StoreSQL {
    var result = StoreSQL(sql: "")
    for (position, part) in enumerated() {
      if position > 0 { result += StoreSQL(sql: separator) }
      result += part
    }
    return result
  }
}
