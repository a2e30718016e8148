import Foundation
import GRDB
import SamhandTestSupport
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The real server process on a loopback port: killed with SIGKILL while requests are in
/// flight, the audit log still verifies, and every request that got a 2xx is in it.
@Suite("samhand serve under SIGKILL", .serialized)
struct ServerKillTests {
  @Test("after SIGKILL under load the log verifies and holds every acknowledged request")
  func killUnderLoad() async throws {
    let scratch = try TemporaryDirectory("samhand-kill")
    let data = scratch.path("data")
    let server = try ServerProcess(data: data)
    defer { server.stop() }
    let url = try await server.waitForURL()
    let demo = try server.demo()
    let token = try #require(demo.staff.first { $0.id == "eirik.lund" }?.token)
    let recipient = try #require(demo.recipients.dropFirst(4).first?.id)
    let acknowledged = RequestLedger()
    await withTaskGroup(of: Void.self) { group in
      for worker in 0..<8 {
        group.addTask {
          for index in 0..<200 {
            let id = "kill-\(worker)-\(index)"
            let write = index % 2 == 0
            var request = URLRequest(
              url: url.appending(
                path: write ? "/v1/recipients/\(recipient)/blocks" : "/v1/recipients/\(recipient)"))
            request.httpMethod = write ? "POST" : "GET"
            request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
            request.setValue("follow-up", forHTTPHeaderField: "X-Purpose")
            request.setValue(id, forHTTPHeaderField: "X-Request-Id")
            request.setValue("follow-up", forHTTPHeaderField: "X-Purpose")
            if write {
              request.setValue("application/json", forHTTPHeaderField: "Content-Type")
              request.httpBody = Data(#"{"serviceCode":"tsb","categories":["plan"]}"#.utf8)
            }
            guard let status = await Self.send(request) else { return }
            if (200..<300).contains(status) { acknowledged.add(id) }
          }
        }
      }
      group.addTask {
        for _ in 0..<3000 where acknowledged.count < 60 {
          try? await Task.sleep(for: .milliseconds(20))
        }
        server.kill()
      }
    }
    server.waitForExit()
    #expect(server.terminatedBySignal)
    let verify = try runCommand(
      BuildProducts.executable("samhand"), ["audit", "verify", "--data", data.path])
    #expect(verify.status == 0, "\(verify.stdout) \(verify.stderr)")
    let logged = try await DatabaseQueue(
      path: data.appending(path: "samhand.db").path, configuration: Self.readOnly
    ).read { db in Set(try String.fetchAll(db, sql: "SELECT request_id FROM audit_entries")) }
    let missing = acknowledged.all.subtracting(logged)
    #expect(acknowledged.count >= 60)
    #expect(missing.isEmpty, "acknowledged but not in the audit log: \(missing.sorted())")
  }

  @Test("SIGTERM stops the server cleanly and signs a checkpoint over the last entry")
  func gracefulShutdown() async throws {
    let scratch = try TemporaryDirectory("samhand-term")
    let data = scratch.path("data")
    let server = try ServerProcess(data: data)
    defer { server.stop() }
    let url = try await server.waitForURL()
    let token = try #require(try server.demo().staff.first?.token)
    var request = URLRequest(url: url.appending(path: "/v1/caseload"))
    request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
    request.setValue("follow-up", forHTTPHeaderField: "X-Purpose")
    #expect(await Self.send(request) == 200)
    server.terminate()
    server.waitForExit()
    #expect(!server.terminatedBySignal)
    #expect(server.process.terminationStatus == 0)
    let (head, checkpoint) = try await DatabaseQueue(
      path: data.appending(path: "samhand.db").path, configuration: Self.readOnly
    ).read { db in
      (
        try Int64.fetchOne(db, sql: "SELECT max(sequence) FROM audit_entries"),
        try Int64.fetchOne(db, sql: "SELECT max(sequence) FROM audit_checkpoints")
      )
    }
    #expect(head != nil)
    #expect(checkpoint == head)
  }

  static var readOnly: Configuration {
    var configuration = Configuration()
    configuration.readonly = true
    return configuration
  }

  /// The status of one request, or nil if the connection failed (the server is gone).
  static func send(_ request: URLRequest) async -> Int? {
    await withCheckedContinuation { continuation in
      URLSession.shared.dataTask(with: request) { _, response, _ in
        continuation.resume(returning: (response as? HTTPURLResponse)?.statusCode)
      }.resume()
    }
  }
}

/// The request ids that got a 2xx, collected from concurrent workers.
final class RequestLedger: @unchecked Sendable {
  // @unchecked: every access holds `lock`.
  private let lock = NSLock()
  private var ids: Set<String> = []

  func add(_ id: String) { lock.withLock { _ = ids.insert(id) } }
  var count: Int { lock.withLock { ids.count } }
  var all: Set<String> { lock.withLock { ids } }
}

/// `samhand serve --demo --json --port 0` in a child process (`listening` replaces
/// `--port 0`).
final class ServerProcess: @unchecked Sendable {
  // @unchecked: `process` is configured before it starts and only signalled afterwards.
  let process = Process()
  let output: URL

  struct Demo: Decodable {
    struct Login: Decodable {
      let id: String
      let token: String
    }
    struct Ref: Decodable { let id: String }
    let staff: [Login]
    let recipients: [Ref]
  }

  init(data: URL, arguments: [String] = [], listening: [String] = ["--port", "0"]) throws {
    output = data.deletingLastPathComponent().appending(path: "serve.out")
    _ = FileManager.default.createFile(atPath: output.path, contents: nil)
    process.executableURL = BuildProducts.executable("samhand")
    process.arguments =
      ["serve", "--data", data.path, "--demo", "--json"] + listening + arguments
    process.environment = ProcessInfo.processInfo.environment.merging(["LOG_LEVEL": "error"]) {
      $1
    }
    process.standardOutput = try FileHandle(forWritingTo: output)
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
  }

  var lines: [String] {
    ((try? String(contentsOf: output, encoding: .utf8)) ?? "").split(separator: "\n").map(
      String.init)
  }

  /// Waits (at most a minute) for the "listening on" line and returns the base URL.
  func waitForURL(after prefix: String = "Samhand listening on ") async throws -> URL {
    for _ in 0..<600 {
      if let line = lines.first(where: { $0.hasPrefix(prefix) }),
        let url = URL(string: String(line.dropFirst(prefix.count)))
      {
        return url
      }
      guard process.isRunning else { break }
      try await Task.sleep(for: .milliseconds(100))
    }
    throw ServerError.didNotStart(lines.joined(separator: "\n"))
  }

  func demo() throws -> Demo {
    guard let line = lines.first(where: { $0.hasPrefix("{") }) else {
      throw ServerError.didNotStart("no demo JSON")
    }
    return try JSONDecoder().decode(Demo.self, from: Data(line.utf8))
  }

  func kill() { if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) } }
  func terminate() { if process.isRunning { Foundation.kill(process.processIdentifier, SIGTERM) } }
  func waitForExit() { process.waitUntilExit() }
  var terminatedBySignal: Bool { process.terminationReason == .uncaughtSignal }
  func stop() {
    kill()
    if process.isRunning { process.waitUntilExit() }
  }

  enum ServerError: Error, CustomStringConvertible {
    case didNotStart(String)
    var description: String {
      switch self {
      case .didNotStart(let output): return "samhand serve did not start: \(output)"
      }
    }
  }
}
