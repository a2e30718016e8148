extension CedarValue: ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
  ExpressibleByStringLiteral
{
  public init(booleanLiteral value: Bool) { self = .bool(value) }
  public init(integerLiteral value: Int64) { self = .long(value) }
  public init(stringLiteral value: String) { self = .string(value) }
}

extension CedarValue: CustomStringConvertible {
  /// The value in Cedar syntax (records with sorted keys, sets in a stable order).
  public var description: String {
    switch self {
    case .bool(let value): return value ? "true" : "false"
    case .long(let value): return String(value)
    case .string(let value): return CedarString.quoted(value)
    case .entity(let value): return value.description
    case .set(let values):
      return "[" + values.map(\.description).sorted().joined(separator: ", ") + "]"
    case .record(let fields):
      let parts = fields.keys.sorted(by: ExactString.less).map { key in
        "\(CedarString.quoted(key)): \(fields[key]?.description ?? "")"
      }
      return "{" + parts.joined(separator: ", ") + "}"
    }
  }
}
