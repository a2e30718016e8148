import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SamhandCore
import SamhandHTTP
import SamhandService
import SamhandTestSupport
import Testing

/// The demo municipality served over HTTP in-process on a clock the test moves, for the
/// scenarios in which months pass: the CLI always runs on the system clock.
struct TimedMunicipality: Sendable {
  let temporary: TemporaryDirectory
  let clock: MovableClock
  let service: SamhandService

  /// Demo data made on `day` (YYYY-MM-DD) at 10:00 UTC, the clock standing there.
  init(startingOn day: String) throws {
    clock = MovableClock(try Self.instant(day))
    temporary = try TemporaryDirectory("samhand-timed")
    service = try SamhandService.initialize(
      dataDirectory: temporary.path("data"), by: "test", database: try TestDatabase.fresh() ?? "",
      clock: clock)
    _ = try Demo.fill(service, by: "test")
  }

  /// Moves the clock to 10:00 UTC on `day`, forwards only.
  func move(to day: String) throws {
    let seconds = try Self.instant(day).timeIntervalSince(clock.now)
    try #require(seconds >= 0, "the clock only moves forwards")
    clock.advance(days: seconds / 86_400)
  }

  static func instant(_ day: String) throws -> Date {
    try #require(ISO8601DateFormatter().date(from: day + "T10:00:00Z"), "bad day \(day)")
  }

  /// One exchange: status, headers and body.
  struct Reply: Sendable {
    let status: Int
    let headers: HTTPFields
    let body: Data

    var text: String { String(decoding: body, as: UTF8.self) }

    /// The body decoded, once the status is `expected`.
    func decode<Value: Decodable>(
      _ type: Value.Type, expecting expected: Int = 200,
      sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> Value {
      try #require(status == expected, "\(status): \(text)", sourceLocation: sourceLocation)
      return try JSONDecoder().decode(Value.self, from: body)
    }
  }

  /// `method uri` as `staff`, with a token made for this request (months pass between
  /// requests, longer than a token lives).
  func send(
    _ method: HTTPRequest.Method, _ uri: String, as staff: String, json: String? = nil,
    headers: HTTPFields = [:]
  ) async throws -> Reply {
    let token = try service.createToken(for: StaffID(rawValue: staff), days: 1, by: "test")
    var fields = headers
    fields[.authorization] = "Bearer \(token.secret)"
    if fields[HTTPField.Name("X-Purpose")!] == nil {
      fields[HTTPField.Name("X-Purpose")!] = "follow-up"
    }
    if json != nil { fields[.contentType] = "application/json" }
    let request = fields
    let app = Application(router: SamhandAPI(service: service).router())
    return try await app.test(.router) { client in
      let response = try await client.execute(
        uri: uri, method: method, headers: request, body: json.map { ByteBuffer(string: $0) })
      return Reply(
        status: Int(response.status.code), headers: response.headers,
        body: Data(response.body.readableBytesView))
    }
  }
}
