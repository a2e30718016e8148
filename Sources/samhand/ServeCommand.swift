import ArgumentParser
import Foundation
import Logging
import Metrics
import Prometheus
import SamhandCore
import SamhandHTTP
import SamhandService
import ServiceLifecycle

struct ServeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Serve the local HTTP API (see docs/http-api.md and GET /openapi.yaml).",
    discussion: """
      Staff authenticate with bearer tokens from `samhand token create`. It listens on --host
      and --port, else on `host` and `port` in samhand.conf (default 127.0.0.1:8080). Before it
      listens it reads every page of the database (SQLite quick_check) and refuses to start, in
      one line, on a damaged file or a data directory it cannot write; --start-check off (or
      `start_check = off` in samhand.conf) skips the reading, which takes seconds per GB.
      SIGINT or SIGTERM stop the server gracefully: requests in flight finish, the audit appender commits what it
      holds, then a final audit checkpoint is signed (also when a listener fails). While it
      runs, a checkpoint is signed at least every `checkpoint_seconds` (default 10) when audit
      entries are unsigned. With --demo, a data directory that does not exist yet is created
      and filled with the demo municipality, and the staff tokens are printed.

      With --metrics-port (or `metrics_port` in samhand.conf), Prometheus metrics are served at
      GET /metrics on a second listener, always on 127.0.0.1 and never on the API port:
      requests by route and status with latency histograms, gate decisions, audit commit batch
      sizes and commit (fsync) latency, access-facts cache hits and misses, and data keys per
      key version.
      """)

  @OptionGroup var options: GlobalOptions

  @Option(
    name: .long,
    help: "Address to listen on (default: `host` in samhand.conf, else 127.0.0.1).")
  var host: String?

  @Option(
    name: .long,
    help: "Port to listen on, 0 picks a free one (default: `port` in samhand.conf, else 8080).")
  var port: Int?

  @Flag(name: .long, help: "Create and fill a demo data directory if DIR does not exist.")
  var demo = false

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Serve Prometheus metrics at GET /metrics on 127.0.0.1:N (0 picks a free port).",
      discussion: "Overrides metrics_port in samhand.conf; never the API port."))
  var metricsPort: Int?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "quick: read every page of the database before listening; off: skip it.",
      discussion: "Overrides start_check in samhand.conf (default quick)."))
  var startCheck: String?

  func run() async throws {
    let url = try options.dataDirectory()
    var service = try openService(at: url)
    var settings = service.settings
    if let startCheck {
      try settings.set("start_check", to: startCheck, source: "--start-check")
    }
    try service.checkBeforeServing(settings.startCheck)
    var logger = Logger(label: "samhand.http")
    logger.logLevel =
      ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:))
      ?? .info
    var services: [any Service] = []
    var metrics: PrometheusMetricsFactory?
    let (host, port) = (host ?? service.settings.host, port ?? service.settings.port)
    if let metricsPort = try metricsPort(settings: service.settings, apiPort: port) {
      let registry = PrometheusCollectorRegistry()
      let factory = MetricsEndpoint.factory(registry: registry)
      MetricsSystem.bootstrap(factory)
      metrics = factory
      service = service.with(metrics: ServiceMetrics(factory: factory))
      services.append(
        MetricsEndpoint(registry: registry, service: service).application(
          port: metricsPort, logger: logger
        ) { port in
          Self.say("Metrics on http://\(MetricsEndpoint.host):\(port)/metrics")
        })
    }
    let api = SamhandAPI(service: service, metrics: metrics)
    services.insert(
      api.application(host: host, port: port, logger: logger) { [host] port in
        Self.say("Samhand listening on http://\(host):\(port)")
      }, at: 0)
    // The committer and the audit appender run first, so they stop last: requests finish, the
    // appender drains, then the final checkpoint is signed (also when a listener failed).
    try await service.serviceGroup(listeners: services, logger: logger).run()
    logger.info("stopped")
  }

  /// The metrics port: the flag, else a non-zero `metrics_port` setting, else none. The API
  /// port is refused: metrics never share the API's listener.
  private func metricsPort(settings: Settings, apiPort port: Int) throws -> Int? {
    guard let chosen = metricsPort ?? (settings.metricsPort > 0 ? settings.metricsPort : nil)
    else { return nil }
    guard (0...65535).contains(chosen) else { throw ServeError.metricsPortOutOfRange(chosen) }
    guard chosen == 0 || chosen != port else { throw ServeError.metricsPortIsAPIPort(chosen) }
    return chosen
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

/// Why `samhand serve` would not start; printed as one line, exit status 1.
enum ServeError: Error, CustomStringConvertible {
  case metricsPortOutOfRange(Int)
  case metricsPortIsAPIPort(Int)

  var description: String {
    switch self {
    case .metricsPortOutOfRange(let port):
      "the metrics port must be 0-65535, not \(port)"
    case .metricsPortIsAPIPort(let port):
      "the metrics port \(port) is the API port; choose another: metrics are served on a"
        + " listener of their own"
    }
  }
}
