import Foundation
import Hummingbird
import SamhandCore
import SamhandService

/// Path parameters, query parameters and headers, each checked and named when refused.
extension SamhandRequestContext {
  /// A path id of the given kind: its prefix, a hyphen and a lowercase UUID. Anything else is
  /// a 400 naming the parameter, before any lookup (so it reveals nothing).
  func id<Kind: IdentifierKind>(_ name: String, _: Kind.Type = Kind.self) throws -> Identifier<Kind>
  {
    guard let text = parameters.get(name), Self.isID(text, prefix: Kind.prefix) else {
      throw Problem(
        .badRequest, detail: "'\(name)' must be an id of the form \(Kind.prefix)-<uuid>",
        field: name)
    }
    return Identifier(rawValue: text)
  }

  static func isID(_ text: String, prefix: String) -> Bool {
    guard text.hasPrefix(prefix + "-") else { return false }
    let uuid = text.dropFirst(prefix.count + 1)
    return uuid.count == 36 && UUID(uuidString: String(uuid)) != nil
      && uuid == uuid.lowercased()
  }

  /// Purpose from `X-Purpose` or the `purpose` query parameter, request id from the context.
  func options(_ request: Request) throws -> RequestOptions {
    let purpose = request.headers[.purpose] ?? request.uri.queryParameters.get("purpose")
    if let purpose {
      guard (1...200).contains(purpose.count), !purpose.contains(where: \.isNewline) else {
        throw Problem(
          .badRequest, detail: "the purpose must be 1-200 characters on one line",
          field: "X-Purpose")
      }
    }
    return RequestOptions(purpose: purpose, requestID: requestID)
  }
}

extension Request {
  /// An integer query parameter within `range`, or `fallback` when absent.
  func integerQuery(_ name: String, in range: ClosedRange<Int>, default fallback: Int) throws
    -> Int
  {
    guard let text = uri.queryParameters.get(name) else { return fallback }
    guard let value = Int(text), range.contains(value) else {
      throw Problem(
        .badRequest,
        detail: "'\(name)' must be an integer from \(range.lowerBound) to \(range.upperBound)",
        field: name)
    }
    return value
  }

  /// A boolean query parameter, `true` or `false`, or `fallback` when absent.
  func booleanQuery(_ name: String, default fallback: Bool) throws -> Bool {
    switch uri.queryParameters.get(name) {
    case nil: return fallback
    case "true": return true
    case "false": return false
    default: throw Problem(.badRequest, detail: "'\(name)' must be true or false", field: name)
    }
  }
}
