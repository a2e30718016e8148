import Foundation
import SamhandCore
import SamhandTestSupport
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// A server already running reads an erased recipient as `[erased]` on its next request,
/// when the erasure was approved by another process (the CLI) on the same data directory:
/// the server had the recipient's data key cached from an earlier read.
@Suite("Erasure beside a running server", .serialized)
struct ErasureServerTests {
  @Test("a running server reads [erased] on its next request after the CLI approves")
  func serverReadsErased() async throws {
    let scratch = try TemporaryDirectory("samhand-erasure-serve")
    let data = scratch.path("data")
    let server = try ServerProcess(data: data)
    defer { server.stop() }
    let url = try await server.waitForURL()
    let tokens = Dictionary(uniqueKeysWithValues: try server.demo().staff.map { ($0.id, $0.token) })
    let kari = try #require(tokens["kari.nes"])
    let nationalID = try #require(
      NationalID.synthetic(year: 1988, month: 2, day: 14, individual: 437)?.digits)
    let created = try await Self.send(
      url, "POST", "/v1/recipients", token: kari,
      body: #"{"name":"Lise Berg","nationalId":"\#(nationalID)"}"#)
    #expect(created.status == 201)
    let id = try #require(created.json["id"] as? String)
    let before = try await Self.send(url, "GET", "/v1/recipients/\(id)", token: kari)
    #expect(before.json["name"] as? String == "Lise Berg")

    let cli = BuildProducts.executable("samhand")
    let environment = ["SAMHAND_PURPOSE": "registered-in-error"]
    let asked = try runCommand(
      cli,
      [
        "erasure", "request", "--recipient", id, "--ground", "registered-in-error", "--reason",
        "feil fødselsnummer", "--as", "kari.nes", "--json", "--data", data.path,
      ],
      environment: environment)
    #expect(asked.status == 0, "\(asked.stderr)")
    let output = try JSONSerialization.jsonObject(with: Data(asked.stdout.utf8))
    let request = try #require((output as? [String: Any])?["id"] as? String)
    let approved = try runCommand(
      cli, ["erasure", "approve", request, "--as", "berit.li", "--data", data.path],
      environment: environment)
    #expect(approved.status == 0, "\(approved.stderr)")
    #expect(approved.stdout.contains("keys rotate"))

    let after = try await Self.send(url, "GET", "/v1/recipients/\(id)", token: kari)
    #expect(after.status == 200)
    #expect(after.json["name"] as? String == "[erased]")
    #expect(after.json["nationalId"] as? String == "[erased]")
    let search = try await Self.send(
      url, "POST", "/v1/recipients/search", token: kari,
      body: #"{"nationalId":"\#(nationalID)"}"#)
    #expect(search.status == 404)
  }

  struct Reply {
    let status: Int
    let json: [String: Any]
  }

  static func send(
    _ base: URL, _ method: String, _ path: String, token: String, body: String? = nil
  ) async throws -> Reply {
    var request = URLRequest(url: base.appending(path: path))
    request.httpMethod = method
    request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
    request.setValue("registered-in-error", forHTTPHeaderField: "X-Purpose")
    if let body {
      request.setValue("application/json", forHTTPHeaderField: "Content-Type")
      request.httpBody = Data(body.utf8)
    }
    let (data, response) = try await URLSession.shared.data(for: request)
    let status = (response as? HTTPURLResponse)?.statusCode ?? 0
    let json = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
    return Reply(status: status, json: json)
  }
}
