import Hummingbird
import SamhandCore
import SamhandService

/// Runs a gated read on the request's own task and awaits its audit entry's commit before
/// anything is answered. The read decides and reads on a snapshot in a few hundred
/// microseconds of CPU and waits for nothing; only the durable commit of its entry waits, and
/// that wait holds no thread, so concurrent reads share commits without a thread each.
///
/// The caller's bearer token goes to the gate, which confirms it on that same snapshot
/// (routes declared `.bearerConfirmedByGate`).
enum AuditedRead {
  static func run<T>(
    _ service: SamhandService, _ request: Request, _ context: SamhandRequestContext,
    _ read: (Actor, RequestOptions) throws -> T
  ) async throws -> T {
    guard let bearer = context.bearer else { throw ServiceError.unauthenticated }
    let deferred = DeferredAudit()
    let options = try context.options(request).confirmingBearer(bearer).deferringAudit(
      to: deferred)
    let result = Result { try read(bearer.actor, options) }
    try await service.commit(deferred)
    return try result.get()
  }
}
