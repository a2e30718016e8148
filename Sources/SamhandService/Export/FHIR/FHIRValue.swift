import Foundation

/// A JSON value as a FHIR resource is written. Object members that are nil, empty arrays or
/// empty objects are left out, as FHIR requires (no nulls, nothing empty).
///
/// ```swift
/// let name: FHIRValue = ["text": "Per Dal", "use": nil]   // {"text":"Per Dal"}
/// ```
enum FHIRValue: Sendable, Encodable, Equatable, ExpressibleByStringLiteral,
  ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
  case string(String)
  case bool(Bool)
  case array([FHIRValue])
  case object([String: FHIRValue])

  init(stringLiteral value: String) { self = .string(value) }
  init(booleanLiteral value: Bool) { self = .bool(value) }
  init(arrayLiteral elements: FHIRValue...) { self = .array(elements) }

  init(dictionaryLiteral elements: (String, FHIRValue?)...) {
    var members: [String: FHIRValue] = [:]
    for (key, value) in elements {
      guard let value, value != .array([]), value != .object([:]) else { continue }
      members[key] = value
    }
    self = .object(members)
  }

  /// `text` as a string, or nil when there is none.
  static func text(_ text: String?) -> FHIRValue? { text.map(FHIRValue.string) }

  /// A CodeableConcept with only a text.
  static func concept(_ text: String) -> FHIRValue { ["text": .string(text)] }

  /// An Annotation (a note).
  static func note(_ text: String, at time: Date, by author: FHIRValue? = nil) -> FHIRValue {
    ["text": .string(text), "time": .string(instant(time)), "authorReference": author]
  }

  /// A FHIR `instant` / `dateTime`: UTC, to the second.
  static func instant(_ date: Date) -> String {
    date.formatted(.iso8601)
  }

  /// This object with `members` added (replacing any of the same name).
  func adding(_ members: [String: FHIRValue]) -> FHIRValue {
    guard case .object(let own) = self else { return self }
    return .object(own.merging(members) { _, new in new })
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .string(let text): try container.encode(text)
    case .bool(let flag): try container.encode(flag)
    case .array(let items): try container.encode(items)
    case .object(let members): try container.encode(members)
    }
  }
}
