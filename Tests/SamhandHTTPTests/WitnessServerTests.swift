import Foundation
import SamhandTestSupport
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// A witness of a running server (`--url`, an auditor's token), then a SIGKILL while requests
/// append: after it, the newest checkpoint still extends what the witness saw, the witness
/// step succeeds from the data directory, again after the installation is opened anew and
/// signs a checkpoint over what the killed server left, and the log verifies against the
/// witness. Each step hands its cosignature back, so status shows the newest witnessed one.
@Suite("A witness of a running server, across a SIGKILL", .serialized)
struct WitnessServerTests {
  @Test("witness over HTTP, kill -9 under appends, witness from the file: all consistent")
  func witnessAcrossKill() async throws {
    let scratch = try TemporaryDirectory("samhand-witness")
    let data = scratch.path("data")
    let store = scratch.path("witness.notes")
    let samhand = BuildProducts.executable("samhand")
    let server = try ServerProcess(data: data)
    defer { server.stop() }
    let url = try await server.waitForURL()
    let demo = try server.demo()
    let auditor = try #require(demo.staff.first { $0.id == "kim.aas" }?.token)
    let reader = try #require(demo.staff.first { $0.id == "eirik.lund" }?.token)
    let recipient = try #require(demo.recipients.dropFirst(4).first?.id)
    let overHTTP = try runCommand(
      samhand,
      [
        "audit", "witness", "--store", store.path, "--url", url.absoluteString, "--token", auditor,
        "--public-key", data.appending(path: "keys/audit-signing.pub").path,
      ])
    #expect(overHTTP.status == 0, "\(overHTTP.stderr)")
    #expect(!overHTTP.stderr.contains("not handed back"), "\(overHTTP.stderr)")
    let witnessedOverHTTP = try Self.witnessedSize(data)
    #expect(witnessedOverHTTP != nil)
    let wrongToken = try runCommand(
      samhand,
      ["audit", "witness", "--store", store.path, "--url", url.absoluteString, "--token", reader])
    #expect(wrongToken.status != 0)
    #expect(wrongToken.errorLines.count == 1)
    let acknowledged = RequestLedger()
    await withTaskGroup(of: Void.self) { group in
      for worker in 0..<4 {
        group.addTask {
          for index in 0..<100 {
            var request = URLRequest(url: url.appending(path: "/v1/recipients/\(recipient)"))
            request.setValue("Bearer \(reader)", forHTTPHeaderField: "Authorization")
            guard let status = await ServerKillTests.send(request) else { return }
            if (200..<300).contains(status) { acknowledged.add("\(worker)-\(index)") }
          }
        }
      }
      group.addTask {
        for _ in 0..<3000 where acknowledged.count < 40 {
          try? await Task.sleep(for: .milliseconds(20))
        }
        server.kill()
      }
    }
    server.waitForExit()
    #expect(server.terminatedBySignal)
    let fromFile = try runCommand(
      samhand, ["audit", "witness", "--store", store.path, "--data", data.path])
    #expect(fromFile.status == 0, "\(fromFile.stderr)")
    let reopened = try runCommand(samhand, ["audit", "checkpoint", "--data", data.path])
    #expect(reopened.status == 0, "\(reopened.stderr)")
    let afterRestart = try runCommand(
      samhand, ["audit", "witness", "--store", store.path, "--data", data.path, "--json"])
    #expect(afterRestart.status == 0, "\(afterRestart.stderr)")
    let step =
      try JSONSerialization.jsonObject(with: Data(afterRestart.stdout.utf8)) as? [String: Any]
    #expect(step?["handedBack"] as? Bool == true)
    let witnessed = try #require(try Self.witnessedSize(data))
    #expect(witnessed >= (witnessedOverHTTP ?? .max))
    #expect(witnessed == step?["treeSize"] as? Int)
    let verified = try runCommand(
      samhand, ["audit", "verify", "--witness", store.path, "--data", data.path])
    #expect(verified.status == 0, "\(verified.stdout) \(verified.stderr)")
  }

  /// The newest witnessed tree size `samhand status` reports.
  static func witnessedSize(_ data: URL) throws -> Int? {
    let status = try runCommand(
      BuildProducts.executable("samhand"), ["status", "--data", data.path, "--json"])
    let object = try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any]
    let tree = object?["auditTree"] as? [String: Any]
    return tree?["newestWitnessedSize"] as? Int
  }
}
