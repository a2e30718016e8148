import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import SamhandHTTP
import Testing

/// Collects every log line (message and metadata rendered) a test's server writes.
final class LogCapture: @unchecked Sendable {
  // @unchecked: every access holds `lock`.
  private let lock = NSLock()
  private var lines: [String] = []

  func append(_ line: String) { lock.withLock { lines.append(line) } }
  var all: [String] { lock.withLock { lines } }

  struct Handler: LogHandler {
    let capture: LogCapture
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
      get { metadata[key] }
      set { metadata[key] = newValue }
    }

    func log(
      level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String,
      file: String, function: String, line: UInt
    ) {
      let merged = self.metadata.merging(metadata ?? [:]) { $1 }
      let rendered = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
      capture.append("\(level) \(message) \(rendered.joined(separator: " "))")
    }
  }
}

@Suite("Logs")
struct LoggingTests {
  @Test("every request logs one line with its request id, and no name or national id")
  func noSealedValues() async throws {
    let fixture = try HTTPFixture()
    let capture = LogCapture()
    let logger = Logger(label: "test") { _ in LogCapture.Handler(capture: capture) }
    let app = Application(router: fixture.api.router(), logger: logger)
    let token = try #require(fixture.tokens["eirik.lund"])
    let name = "Unikt Testnavn"
    let nationalID = RecipientRouteTests.nationalID
    try await app.test(.router) { client in
      let body = #"{"name":"\#(name)","nationalId":"\#(nationalID)"}"#
      let created = try await client.execute(
        uri: "/v1/recipients", method: .post,
        headers: [
          .authorization: "Bearer \(token)", HTTPField.Name("X-Request-Id")!: "log-1",
          HTTPField.Name("X-Purpose")!: "follow-up",
        ],
        body: ByteBuffer(string: body))
      #expect(created.status == .created)
      let search = try await client.execute(
        uri: "/v1/recipients/search", method: .post,
        headers: [
          .authorization: "Bearer \(token)", HTTPField.Name("X-Request-Id")!: "log-2",
          HTTPField.Name("X-Purpose")!: "follow-up",
        ],
        body: ByteBuffer(string: #"{"nationalId":"\#(nationalID)"}"#))
      #expect(search.status == .ok)
    }
    let lines = capture.all
    #expect(lines.contains { $0.contains("request_id=log-1") && $0.contains("status=201") })
    #expect(lines.contains { $0.contains("request_id=log-2") && $0.contains("status=200") })
    #expect(!lines.contains { $0.contains(name) || $0.contains(nationalID) || $0.contains(token) })
  }
}
