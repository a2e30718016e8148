import Hummingbird
import Logging
import Prometheus
import SamhandService

/// The Prometheus endpoint: `GET /metrics` in the text exposition format, on a listener of
/// its own on 127.0.0.1, never on the API's (`samhand serve --metrics-port`). Before each
/// answer it refreshes the key-version gauges from the database.
///
/// ```swift
/// let registry = PrometheusCollectorRegistry()
/// let metrics = MetricsEndpoint(registry: registry, service: service)
/// try await metrics.application(port: 9464, logger: logger).runService()
/// ```
public struct MetricsEndpoint: Sendable {
  public let registry: PrometheusCollectorRegistry
  public let service: SamhandService

  /// Metrics are served on loopback only: they name routes and volumes, not for a network.
  public static let host = "127.0.0.1"

  public init(registry: PrometheusCollectorRegistry, service: SamhandService) {
    self.registry = registry
    self.service = service
  }

  /// A factory recording into `registry`, with histogram buckets that fit what Samhand
  /// measures: audit commit batches count operations (1 to `256`), durations run from
  /// sub-millisecond reads to multi-second stalls.
  public static func factory(registry: PrometheusCollectorRegistry) -> PrometheusMetricsFactory {
    var factory = PrometheusMetricsFactory(registry: registry)
    factory.valueHistogramBuckets[ServiceMetrics.Name.commitBatchSize] = [
      1, 2, 4, 8, 16, 32, 64, 128, 256,
    ]
    factory.defaultDurationHistogramBuckets = [
      .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2),
      .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
      .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5),
      .seconds(5), .seconds(10),
    ]
    return factory
  }

  public func router() -> Router<BasicRequestContext> {
    let router = Router(context: BasicRequestContext.self)
    router.get("/metrics") { _, _ -> Response in
      try service.recordKeyVersionMetrics()
      var text: [UInt8] = []
      registry.emit(into: &text)
      return Response(
        status: .ok,
        headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
        body: .init(byteBuffer: ByteBuffer(bytes: text)))
    }
    return router
  }

  /// The listener on `127.0.0.1:port` (0 picks a free port, passed to `onServerRunning`).
  public func application(
    port: Int, logger: Logger, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
  ) -> some ApplicationProtocol {
    Application(
      router: router(),
      configuration: .init(address: .hostname(Self.host, port: port), serverName: "samhand"),
      onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) },
      logger: logger)
  }
}
