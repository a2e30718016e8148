import ArgumentParser
import Foundation
import Logging
import SamhandHTTP
import SamhandService

struct ServeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Serve the local HTTP API (see docs/http-api.md and GET /openapi.yaml).",
    discussion: """
      Staff authenticate with bearer tokens from `samhand token create`. SIGINT or SIGTERM
      stop the server gracefully: requests in flight finish, then a final audit checkpoint is
      signed. While it runs, a checkpoint is signed at least every `checkpoint_seconds` (default
      10) when audit entries are unsigned. With --demo, a data directory that does not exist yet is created and filled with
      the demo municipality, and the staff tokens are printed.
      """)

  @OptionGroup var options: GlobalOptions

  @Option(name: .long, help: "Address to listen on (loopback by default).")
  var host = "127.0.0.1"

  @Option(name: .long, help: "Port to listen on (0 picks a free one).")
  var port = 8080

  @Flag(name: .long, help: "Create and fill a demo data directory if DIR does not exist.")
  var demo = false

  func run() async throws {
    let url = try options.dataDirectory()
    let service = try openService(at: url)
    var logger = Logger(label: "samhand.http")
    logger.logLevel =
      ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:))
      ?? .info
    let app = SamhandAPI(service: service).application(host: host, port: port, logger: logger) {
      [host] port in
      Self.say("Samhand listening on http://\(host):\(port)")
    }
    let checkpoints = Task { [logger] in
      await service.checkpointPeriodically { logger.error("audit checkpoint failed: \($0)") }
    }
    try await app.runService()
    checkpoints.cancel()
    try service.shutdownCheckpoint()
    logger.info("stopped; final audit checkpoint written")
  }

  private func openService(at url: URL) throws -> SamhandService {
    let exists = FileManager.default.fileExists(atPath: url.appending(path: "samhand.db").path)
    guard demo, !exists else { return try options.open() }
    let service = try SamhandService.initialize(dataDirectory: url, by: Output.osUser)
    let result = try Demo.fill(service, by: Output.osUser)
    if options.json {
      Self.say(try Output.json(result))
    } else {
      Self.say("Demo municipality in \(url.path): \(result.recipients.count) recipients.")
      Self.say("Bearer tokens (Authorization: Bearer TOKEN):")
      for login in result.staff {
        Self.say("  \(login.id)\t\(login.service)\t\(login.role)\t\(login.token)")
      }
    }
    return service
  }

  /// Writes one line to standard output at once (scripts wait for these lines).
  static func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
  }
}
