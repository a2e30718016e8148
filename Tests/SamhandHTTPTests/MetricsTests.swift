import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Prometheus
import SamhandCore
import SamhandHTTP
import SamhandService
import SamhandTestSupport
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// `GET /metrics`: Prometheus text on a listener of its own, fed by a registry the test owns
/// (no global metrics system is touched here).
@Suite("Prometheus metrics")
struct MetricsTests {
  static let followUp: HTTPFields = [HTTPField.Name("X-Purpose")!: "follow-up"]

  @Test("requests, gate decisions, commits, access-facts cache lookups and key versions show")
  func metricsAfterTraffic() async throws {
    let fixture = try HTTPFixture()
    let registry = PrometheusCollectorRegistry()
    let factory = MetricsEndpoint.factory(registry: registry)
    let service = fixture.service.with(metrics: ServiceMetrics(factory: factory))
    let api = SamhandAPI(service: service, metrics: factory)
    let lar = fixture.larRecipient.rawValue
    try await Application(router: api.router()).test(.router) { client in
      let readers = [
        ("eirik.lund", HTTPResponse.Status.ok), ("eirik.lund", .ok), ("eva.sand", .notFound),
      ]
      for (staff, status) in readers {
        var headers = Self.followUp
        headers[.authorization] = "Bearer \(fixture.tokens[staff] ?? "")"
        let reply = try await client.execute(
          uri: "/v1/recipients/\(lar)", method: .get, headers: headers)
        #expect(reply.status == status, "\(staff)")
      }
      let unrouted = try await client.execute(uri: "/metrics", method: .get)
      #expect(unrouted.status == .notFound, "the API listener never serves metrics")
    }
    let text = try await Application(
      router: MetricsEndpoint(registry: registry, service: service).router()
    ).test(.router) { client in
      let reply = try await client.execute(uri: "/metrics", method: .get)
      #expect(reply.status == .ok)
      #expect(reply.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
      return String(buffer: reply.body)
    }
    let route = #"route="/v1/recipients/{recipientId}""#
    #expect(line(in: text, "samhand_http_requests_total{", route, #"status="200""#) == "2")
    #expect(line(in: text, "samhand_http_requests_total{", route, #"status="404""#) == "1")
    #expect(line(in: text, "samhand_http_requests_total{", #"route="NotFound""#) == "1")
    #expect(
      line(in: text, "samhand_http_request_duration_seconds_count{", route, #"status="200""#)
        == "2")
    #expect(Int(line(in: text, #"samhand_gate_decisions_total{decision="allow"}"#) ?? "") ?? 0 >= 1)
    #expect(Int(line(in: text, #"samhand_gate_decisions_total{decision="deny"}"#) ?? "") ?? 0 >= 1)
    #expect(Int(line(in: text, "samhand_audit_commit_batch_size_count") ?? "") ?? 0 >= 1)
    for result in ["hit", "miss"] {
      let lookups = line(
        in: text, "samhand_access_facts_cache_lookups_total{", #"kind="recipient""#,
        #"result="\#(result)""#)
      #expect(Int(lookups ?? "") ?? 0 >= 1, "recipient facts: \(result)")
    }
    #expect(Int(line(in: text, "samhand_audit_commit_duration_seconds_count") ?? "") ?? 0 >= 1)
    #expect(
      line(in: text, #"samhand_data_keys{kek_version="1"}"#)
        == "\(try service.status().counts.recipients).0")
    #expect(line(in: text, "samhand_key_version_current") == "1.0")
  }

  @Test("`samhand serve --metrics-port 0` serves /metrics on its own loopback port, not the API's")
  func serveWithMetricsPort() async throws {
    let scratch = try TemporaryDirectory("samhand-metrics")
    let server = try ServerProcess(data: scratch.path("data"), arguments: ["--metrics-port", "0"])
    defer { server.stop() }
    let api = try await server.waitForURL()
    let metrics = try await server.waitForURL(after: "Metrics on ")
    #expect(metrics.host == "127.0.0.1")
    #expect(metrics.port != api.port)
    let (body, response) = try await URLSession.shared.data(from: metrics)
    #expect((response as? HTTPURLResponse)?.statusCode == 200)
    #expect(String(decoding: body, as: UTF8.self).contains("samhand_data_keys"))
    let (_, onAPI) = try await URLSession.shared.data(from: api.appending(path: "metrics"))
    #expect((onAPI as? HTTPURLResponse)?.statusCode == 404)
  }

  /// The value of the one sample line that starts with `prefix` and contains every label.
  private func line(in text: String, _ prefix: String, _ labels: String...) -> String? {
    let matches = text.split(separator: "\n").filter { line in
      line.hasPrefix(prefix) && labels.allSatisfy { line.contains($0) }
    }
    guard matches.count == 1, let value = matches[0].split(separator: " ").last else {
      return nil
    }
    return String(value)
  }
}
