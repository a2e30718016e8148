import Foundation
import Hummingbird

/// One page of a list: the items and, when more follow, the cursor that fetches the next
/// page. Cursors are opaque to clients (base64url of the position).
struct Page<Item: Encodable & Sendable>: Encodable, Sendable {
  let items: [Item]
  let nextCursor: String?

  static var maxLimit: Int { 200 }

  /// The page of `all` that the request's `cursor` and `limit` (default 50) select.
  init(_ all: [Item], request: Request) throws {
    let limit = try request.integerQuery("limit", in: 1...Self.maxLimit, default: 50)
    let start = try Self.offset(from: request.uri.queryParameters.get("cursor"))
    let end = min(all.count, start + limit)
    items = start < all.count ? Array(all[start..<end]) : []
    nextCursor = end < all.count ? Self.cursor(for: end) : nil
  }

  static func cursor(for offset: Int) -> String {
    Data("o:\(offset)".utf8).base64EncodedString()
      .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
      .replacingOccurrences(of: "=", with: "")
  }

  static func offset(from cursor: String?) throws -> Int {
    guard let cursor else { return 0 }
    var base64 = cursor.replacingOccurrences(of: "-", with: "+")
      .replacingOccurrences(of: "_", with: "/")
    base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
    guard cursor.count <= 64, let data = Data(base64Encoded: base64),
      let text = String(data: data, encoding: .utf8), text.hasPrefix("o:"),
      let offset = Int(text.dropFirst(2)), offset >= 0
    else {
      throw Problem(
        .badRequest, detail: "'cursor' is not a cursor this API returned", field: "cursor")
    }
    return offset
  }
}
