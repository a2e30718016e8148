import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// A browser on the desk, in-process: keeps the session cookie and the CSRF token of the
/// last page it read, and posts forms as a browser does.
struct DeskClient: Sendable {
  let client: any TestClientProtocol
  var cookie: String?
  var csrf: String?

  init(_ client: HTTPFixture.Client) {
    self.client = client.client
  }

  /// Signs in with `staff`'s bearer token and states `purpose` (a value of the desk's list).
  static func signedIn(
    _ client: HTTPFixture.Client, as staff: String, purpose: String = "follow-up"
  ) async throws -> DeskClient {
    var desk = DeskClient(client)
    let token = try #require(client.fixture.tokens[staff])
    let reply = try await desk.post("/desk/sign-in", ["token": token], csrf: false)
    #expect(reply.status == 303)
    #expect(reply.headers[.location] == "/desk/purpose")
    _ = try await desk.get("/desk/purpose")
    let chosen = try await desk.post("/desk/purpose", ["purpose": purpose])
    #expect(chosen.status == 303)
    return desk
  }

  mutating func get(_ uri: String) async throws -> HTTPFixture.Reply {
    let reply = try await send(.get, uri, body: nil)
    if let token = Self.csrfToken(in: reply.text) { csrf = token }
    return reply
  }

  /// Posts `fields` as a form, with the last page's CSRF token unless `csrf` is false.
  mutating func post(_ uri: String, _ fields: [String: String], csrf withToken: Bool = true)
    async throws -> HTTPFixture.Reply
  {
    var all = fields
    if withToken, let csrf { all["csrf"] = csrf }
    let body = all.sorted { $0.key < $1.key }.map { name, value in
      "\(Self.encode(name))=\(Self.encode(value))"
    }.joined(separator: "&")
    return try await send(.post, uri, body: body)
  }

  private mutating func send(_ method: HTTPRequest.Method, _ uri: String, body: String?)
    async throws -> HTTPFixture.Reply
  {
    var fields = HTTPFields()
    if let cookie { fields[.cookie] = "samhand_desk=\(cookie)" }
    if body != nil { fields[.contentType] = "application/x-www-form-urlencoded" }
    fields[HTTPField.Name("X-Request-Id")!] = "desk-test"
    let response = try await client.execute(
      uri: uri, method: method, headers: fields, body: body.map { ByteBuffer(string: $0) })
    let reply = HTTPFixture.Reply(
      status: Int(response.status.code), headers: response.headers,
      body: Data(response.body.readableBytesView))
    if let set = reply.headers[.setCookie], set.hasPrefix("samhand_desk=") {
      let value = set.dropFirst("samhand_desk=".count).prefix { $0 != ";" }
      cookie = value.isEmpty ? nil : String(value)
    }
    return reply
  }

  static func csrfToken(in html: String) -> String? {
    guard let range = html.range(of: #"name="csrf" value=""#) else { return nil }
    return String(html[range.upperBound...].prefix { $0 != "\"" })
  }

  private static func encode(_ text: String) -> String {
    text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
  }
}
