import Foundation
import SamhandTestSupport
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Where `samhand serve` listens: `--host`/`--port`, else `host`/`port` in samhand.conf, else
/// 127.0.0.1:8080.
@Suite("samhand serve: listen address", .serialized)
struct ServeAddressTests {
  /// A port free a moment ago: the one a server given `--port 0` got.
  func freePort(data: URL) async throws -> Int {
    let server = try ServerProcess(data: data)
    defer { server.stop() }
    let port = try #require(try await server.waitForURL().port)
    server.terminate()
    server.waitForExit()
    return port
  }

  @Test("host and port in samhand.conf are used when no flag is given, and the flags win")
  func settingThenFlag() async throws {
    let scratch = try TemporaryDirectory("samhand-address")
    let data = scratch.path("data")
    let port = try await freePort(data: data)
    let conf = data.appending(path: "samhand.conf")
    let settings = try String(contentsOf: conf, encoding: .utf8)
    try Data((settings + "\nhost = 127.0.0.2\nport = \(port)\n").utf8).write(to: conf)

    let fromSettings = try ServerProcess(data: data, listening: [])
    defer { fromSettings.stop() }
    let url = try await fromSettings.waitForURL()
    #expect(url.host == "127.0.0.2")
    #expect(url.port == port)
    let (_, response) = try await URLSession.shared.data(from: url.appending(path: "health"))
    #expect((response as? HTTPURLResponse)?.statusCode == 200)
    fromSettings.terminate()
    fromSettings.waitForExit()

    let fromFlags = try ServerProcess(
      data: data, listening: ["--host", "127.0.0.1", "--port", "0"])
    defer { fromFlags.stop() }
    let flagged = try await fromFlags.waitForURL()
    #expect(flagged.host == "127.0.0.1")
    #expect(flagged.port != port)
  }
}
