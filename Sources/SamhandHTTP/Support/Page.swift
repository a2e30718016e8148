import Foundation
import Hummingbird
import SamhandService

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

  /// A page the service cut itself (`ListPage`), for lists that grow with the municipality:
  /// the cursor carries the service's position.
  init(_ page: ListPage<Item>) {
    items = page.items
    nextCursor = page.next.map { Self.encode("p:\($0)") }
  }

  /// The page a request asks the service for: its `limit` (default 50) and the position its
  /// `cursor` carries.
  static func request(_ request: Request) throws -> ListPageRequest {
    let limit = try request.integerQuery("limit", in: 1...maxLimit, default: 50)
    guard let cursor = request.uri.queryParameters.get("cursor") else {
      return ListPageRequest(limit: limit)
    }
    guard let text = decode(cursor), text.hasPrefix("p:") else { throw badCursor }
    return ListPageRequest(after: String(text.dropFirst(2)), limit: limit)
  }

  static func cursor(for offset: Int) -> String { encode("o:\(offset)") }

  private static func encode(_ text: String) -> String {
    Data(text.utf8).base64EncodedString()
      .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
      .replacingOccurrences(of: "=", with: "")
  }

  static func offset(from cursor: String?) throws -> Int {
    guard let cursor else { return 0 }
    guard let text = decode(cursor), text.hasPrefix("o:"), let offset = Int(text.dropFirst(2)),
      offset >= 0
    else { throw badCursor }
    return offset
  }

  private static func decode(_ cursor: String) -> String? {
    var base64 = cursor.replacingOccurrences(of: "-", with: "+")
      .replacingOccurrences(of: "_", with: "/")
    base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
    guard cursor.count <= 64, let data = Data(base64Encoded: base64) else { return nil }
    return String(data: data, encoding: .utf8)
  }

  private static var badCursor: Problem {
    Problem(.badRequest, detail: "'cursor' is not a cursor this API returned", field: "cursor")
  }
}
