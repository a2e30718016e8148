import Foundation
import Hummingbird

/// A request body the API accepts: decoded strictly, so that unknown members, wrong types and
/// missing members are refused naming the member, never ignored or guessed.
protocol StrictBody: Decodable, Sendable {
  associatedtype CodingKeys: CodingKey & CaseIterable
  /// Checks members that are themselves objects; the default has none.
  static func checkNested(_ object: [String: Any]) throws
}

extension StrictBody {
  static func checkNested(_ object: [String: Any]) throws {}

  static var fields: Set<String> { Set(CodingKeys.allCases.map(\.stringValue)) }

  /// Refuses members that are not fields, naming the first (sorted) at `path`.
  static func checkMembers(_ object: [String: Any], path: String = "") throws {
    if let unknown = object.keys.filter({ !fields.contains($0) }).sorted().first {
      throw Problem.invalid(path + unknown, "unknown field '\(path + unknown)'")
    }
  }
}

/// Reads and decodes JSON request bodies.
enum JSONBody {
  static let decoder = JSONDecoder()

  static func decode<Body: StrictBody>(
    _ type: Body.Type, from request: Request, context: SamhandRequestContext
  ) async throws -> Body {
    let buffer = try await request.body.collect(upTo: context.maxUploadSize)
    return try decode(type, from: Data(buffer.readableBytesView))
  }

  static func decode<Body: StrictBody>(_ type: Body.Type, from data: Data) throws -> Body {
    guard !data.isEmpty else {
      throw Problem(.malformedJSON, detail: "the request needs a JSON body")
    }
    let parsed: Any
    do {
      parsed = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    } catch {
      throw Problem(.malformedJSON, detail: "the request body is not valid JSON")
    }
    guard let object = parsed as? [String: Any] else {
      throw Problem.invalid("", "the request body must be a JSON object")
    }
    try Body.checkMembers(object)
    try Body.checkNested(object)
    do {
      return try decoder.decode(Body.self, from: data)
    } catch let error as DecodingError {
      throw problem(error)
    }
  }

  static func problem(_ error: DecodingError) -> Problem {
    switch error {
    case .typeMismatch(let expected, let context):
      let field = path(context.codingPath)
      return .invalid(field, "'\(field)' must be \(describe(expected))")
    case .valueNotFound(let expected, let context):
      let field = path(context.codingPath)
      return .invalid(field, "'\(field)' must be \(describe(expected)), not null")
    case .keyNotFound(let key, let context):
      let field = path(context.codingPath + [key])
      return .invalid(field, "'\(field)' is required")
    case .dataCorrupted(let context):
      let field = path(context.codingPath)
      return .invalid(field, "'\(field)' has an unusable value")
    @unknown default:
      return .invalid("", "the request body does not match the schema")
    }
  }

  static func path(_ codingPath: [any CodingKey]) -> String {
    codingPath.map { key in key.intValue.map { "\($0)" } ?? key.stringValue }
      .joined(separator: ".")
  }

  static func describe(_ type: Any.Type) -> String {
    switch type {
    case is String.Type: return "a string"
    case is Bool.Type: return "true or false"
    case is Int.Type: return "an integer"
    case is [Any].Type: return "an array"
    default: return "of the documented type"
    }
  }
}
