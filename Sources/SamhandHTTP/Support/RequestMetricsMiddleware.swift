import CoreMetrics
import Hummingbird
import Synchronization

/// Counts every request by route, method and status, and times it, in the metrics of an
/// injected factory (`samhand_http_requests_total`, `samhand_http_request_duration_seconds`).
/// The route is the matched template (`/v1/recipients/{recipientId}`), never the path, so no id ends
/// up in a label; requests that match no route count as `NotFound`.
struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
  let instruments: RequestInstruments

  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    let started = ContinuousClock.now
    let response = try await next(request, context)
    let elapsed = ContinuousClock.now - started
    let route = context.endpointPath ?? "NotFound"
    instruments.record(
      route: route, method: request.method.rawValue, status: Int(response.status.code),
      elapsed: elapsed)
    return response
  }
}

/// The counters and timers of `RequestMetricsMiddleware`, made once per route, method and
/// status rather than looked up in the factory on every request.
final class RequestInstruments: Sendable {
  static let requests = "samhand_http_requests_total"
  static let duration = "samhand_http_request_duration_seconds"

  private struct Key: Hashable {
    let route: String
    let method: String
    let status: Int
  }

  private let factory: any MetricsFactory
  private let made = Mutex<[Key: (Counter, Timer)]>([:])

  init(factory: any MetricsFactory) { self.factory = factory }

  func record(route: String, method: String, status: Int, elapsed: Duration) {
    let key = Key(route: route, method: method, status: status)
    let (counter, timer) = made.withLock { made in
      if let known = made[key] { return known }
      let dimensions = [("route", route), ("method", method), ("status", "\(status)")]
      let instruments = (
        Counter(label: Self.requests, dimensions: dimensions, factory: factory),
        Timer(label: Self.duration, dimensions: dimensions, factory: factory)
      )
      made[key] = instruments
      return instruments
    }
    counter.increment()
    let (seconds, attoseconds) = elapsed.components
    timer.recordNanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
  }
}
