import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import SamhandCore
import SamhandHTTP
import SamhandService
import SamhandTestSupport
import Testing

/// The demo municipality in a fresh data directory, served in-process. Recipient `n` of the
/// demo (n < 30) is registered by service `n % 8` (0 nav, 1 psykisk-helse-rus, 2 fastlege, 3 tsb, 4 lar,
/// 5 barnevern, 6 kriminalomsorg, 7 koordinerende-enhet) and consents to sharing its identity
/// with nav, psykisk-helse-rus and fastlege only.
struct HTTPFixture: Sendable {
  let temporary: TemporaryDirectory
  let service: SamhandService
  let tokens: [String: String]
  let recipients: [RecipientID]

  init(clock: any WallClock = SystemClock()) throws {
    temporary = try TemporaryDirectory("samhand-http")
    service = try SamhandService.initialize(
      dataDirectory: temporary.path("data"), by: "test", database: try TestDatabase.fresh() ?? "",
      clock: clock)
    let demo = try Demo.fill(service, by: "test")
    tokens = Dictionary(uniqueKeysWithValues: demo.staff.map { ($0.id, $0.token) })
    recipients = demo.recipients.map { RecipientID(rawValue: $0.id) }
  }

  var api: SamhandAPI { SamhandAPI(service: service) }

  /// Runs `body` with an in-process client, the service's lifecycle (committer and audit
  /// appender) running as in `samhand serve`.
  func withClient<T: Sendable>(_ body: @Sendable (Client) async throws -> T) async throws -> T {
    let logger = Logger(label: "samhand.test")
    let app = Application(
      router: api.router(), services: service.lifecycle(logger: logger), logger: logger)
    return try await app.test(.router) { client in
      try await body(Client(fixture: self, client: client))
    }
  }

  /// A recipient of the lar service (index 4): eirik.lund cares for them, and barnevern,
  /// tsb, kriminalomsorg and koordinerende-enhet staff have no way in.
  var larRecipient: RecipientID { recipients[4] }

  /// An id of the right form that names no recipient.
  static let missingRecipient = RecipientID(rawValue: "r-00000000-0000-4000-8000-000000000000")

  /// One exchange: status, headers and body.
  struct Reply: Sendable {
    let status: Int
    let headers: HTTPFields
    let body: Data

    var json: [String: Any] {
      (try? JSONSerialization.jsonObject(with: body) as? [String: Any]) ?? [:]
    }
    var text: String { String(decoding: body, as: UTF8.self) }
    var contentType: String? { headers[.contentType] }
  }

  struct Client: Sendable {
    let fixture: HTTPFixture
    let client: any TestClientProtocol

    /// Sends `X-Purpose: <purpose>` unless `headers` has one or `purpose` is nil (no purpose).
    func send(
      _ method: HTTPRequest.Method, _ uri: String, as staff: String? = nil, json: String? = nil,
      headers: HTTPFields = [:], purpose: String? = "follow-up"
    ) async throws -> Reply {
      var fields = headers
      if let purpose, fields[HTTPField.Name("X-Purpose")!] == nil {
        fields[HTTPField.Name("X-Purpose")!] = purpose
      }
      if let staff, let token = fixture.tokens[staff] {
        fields[.authorization] = "Bearer \(token)"
      }
      if json != nil { fields[.contentType] = "application/json" }
      fields[HTTPField.Name("X-Request-Id")!] = fields[HTTPField.Name("X-Request-Id")!] ?? "test"
      let response = try await client.execute(
        uri: uri, method: method, headers: fields, body: json.map { ByteBuffer(string: $0) })
      return Reply(
        status: Int(response.status.code), headers: response.headers,
        body: Data(response.body.readableBytesView))
    }
  }
}

extension RequestOptions {
  /// Ordinary follow-up of the recipient: the purpose the tests state (none is filled in).
  static var followUp: RequestOptions { RequestOptions(purpose: "follow-up") }
}
