import CoreMetrics
import Hummingbird
import Logging
import NIOCore
import SamhandService

/// The local HTTP API over one `SamhandService`: the route table, the router built from it,
/// and the application `samhand serve` runs.
///
/// ```swift
/// let api = SamhandAPI(service: service)
/// try await api.application(host: "127.0.0.1", port: 8080, logger: logger).runService()
/// ```
public struct SamhandAPI: Sendable {
  public let service: SamhandService
  /// Counts and times every request; nil (no middleware at all) without metrics.
  let requestInstruments: RequestInstruments?

  /// `metrics` receives the request counters and latency histograms; the metrics themselves
  /// are served by `MetricsEndpoint`, on a listener of their own.
  public init(service: SamhandService, metrics: (any MetricsFactory)? = nil) {
    self.service = service
    requestInstruments = metrics.map(RequestInstruments.init(factory:))
  }

  /// Every operation, in the order of `openapi.yaml`.
  var routes: [APIRoute] {
    let tables: [[APIRoute]] = [
      HealthRoutes().routes, RecipientRoutes(service: service).routes,
      RecipientRightsRoutes(service: service).routes,
      ConsentRoutes(service: service).routes, BlockRoutes(service: service).routes,
      AuditRoutes(service: service).routes, AuditTreeRoutes(service: service).routes,
      PlanRoutes(service: service).routes,
      PlanPartRoutes(service: service).routes, LifeDomainRoutes(service: service).routes,
      GroupRoutes(service: service).routes, HandoverRoutes(service: service).routes,
      AgendaRoutes(service: service).routes, OverviewRoutes(service: service).routes,
      ErasureRoutes(service: service).routes, ReportRoutes(service: service).routes,
    ]
    return tables.flatMap { $0 }
  }

  /// Every operation as `METHOD /path` in OpenAPI form, for the contract test.
  public var operations: [String] { routes.map { "\($0.method.rawValue) \($0.path)" } }

  public func router() -> Router<SamhandRequestContext> {
    let router = Router(context: SamhandRequestContext.self)
    if let requestInstruments {
      router.add(middleware: RequestMetricsMiddleware(instruments: requestInstruments))
    }
    router.add(middleware: RequestIDMiddleware())
    let open = router.group()
    let bearer = router.group().add(
      middleware: BearerAuthMiddleware(service: service, check: .store))
    let confirmedByGate = router.group().add(
      middleware: BearerAuthMiddleware(service: service, check: .gate))
    for route in routes {
      let group =
        switch route.authentication {
        case .none: open
        case .bearer: bearer
        case .bearerConfirmedByGate: confirmedByGate
        }
      group.on(route.routerPath, method: route.method) { request, context in
        try await route.handler(request, context)
      }
    }
    DeskRoutes(service: service).add(to: router)
    return router
  }

  /// The server on `host:port`; run it with `runService()` for graceful shutdown on SIGINT and
  /// SIGTERM. `onShutdown` runs after in-flight requests have finished.
  public func application(
    host: String, port: Int, logger: Logger,
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
  ) -> some ApplicationProtocol {
    Application(
      router: router(),
      configuration: .init(address: .hostname(host, port: port), serverName: "samhand"),
      onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) },
      logger: logger)
  }
}
