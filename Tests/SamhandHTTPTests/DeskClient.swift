import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// A browser on the desk, in-process: keeps the session cookie, the sign-in form's cookie
/// and the CSRF token of the last page it read, and posts forms as a browser does.
struct DeskClient: Sendable {
  let client: any TestClientProtocol
  var cookie: String?
  var signInCookie: String?
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
    let reply = try await desk.signIn(["token": token])
    #expect(reply.status == 303)
    #expect(reply.headers[.location] == "/desk/purpose")
    _ = try await desk.get("/desk/purpose")
    let chosen = try await desk.post("/desk/purpose", ["purpose": purpose])
    #expect(chosen.status == 303)
    return desk
  }

  /// Opens the sign-in form at `form` (which sets its cookie and token), then posts `fields`
  /// to `action` with them, as a browser does.
  mutating func signIn(
    _ fields: [String: String], form: String = "/desk/sign-in", action: String = "/desk/sign-in"
  ) async throws -> HTTPFixture.Reply {
    _ = try await get(form)
    return try await post(action, fields)
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
    let cookies = [("samhand_desk", cookie), ("samhand_desk_signin", signInCookie)]
      .compactMap { name, value in value.map { "\(name)=\($0)" } }
    if !cookies.isEmpty { fields[.cookie] = cookies.joined(separator: "; ") }
    if body != nil { fields[.contentType] = "application/x-www-form-urlencoded" }
    fields[HTTPField.Name("X-Request-Id")!] = "desk-test"
    let response = try await client.execute(
      uri: uri, method: method, headers: fields, body: body.map { ByteBuffer(string: $0) })
    let reply = HTTPFixture.Reply(
      status: Int(response.status.code), headers: response.headers,
      body: Data(response.body.readableBytesView))
    for set in response.headers[values: .setCookie] {
      let value = set.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
      let text = value.count == 2 && !value[1].isEmpty ? String(value[1]) : nil
      switch value[0] {
      case "samhand_desk": cookie = text
      case "samhand_desk_signin": signInCookie = text
      default: break
      }
    }
    return reply
  }

  static func csrfToken(in html: String) -> String? {
    field("csrf", in: html)
  }

  /// The value of the first form field `name` in `html` after `marker` (from the start when
  /// nil), e.g. the version a form carries.
  static func field(_ name: String, in html: String, after marker: String? = nil) -> String? {
    let start = marker.flatMap { html.range(of: $0)?.upperBound } ?? html.startIndex
    guard let range = html[start...].range(of: "name=\"\(name)\" value=\"") else { return nil }
    return String(html[range.upperBound...].prefix { $0 != "\"" })
  }

  private static func encode(_ text: String) -> String {
    text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
  }
}
