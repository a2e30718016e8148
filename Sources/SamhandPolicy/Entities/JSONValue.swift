import Foundation

/// A decoded JSON document that keeps integers, booleans and strings apart exactly, as Cedar's
/// JSON formats need.
enum JSONValue: Sendable, Decodable {
  case null
  case bool(Bool)
  case integer(Int64)
  case fraction(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let value = try? container.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? container.decode(Int64.self) {
      self = .integer(value)
    } else if let value = try? container.decode(Double.self) {
      self = .fraction(value)
    } else if let value = try? container.decode(String.self) {
      self = .string(value)
    } else if let value = try? container.decode([JSONValue].self) {
      self = .array(value)
    } else {
      self = .object(try container.decode([String: JSONValue].self))
    }
  }

  static func parse(_ data: Data) throws(EntityDataError) -> JSONValue {
    do {
      return try JSONDecoder().decode(JSONValue.self, from: data)
    } catch {
      throw .invalidJSON("\(error)")
    }
  }

  var kindName: String {
    switch self {
    case .null: "null"
    case .bool: "boolean"
    case .integer: "integer"
    case .fraction: "fractional number"
    case .string: "string"
    case .array: "array"
    case .object: "object"
    }
  }
}
