import SamhandService

/// Runs a gated read on the request's own task and awaits its audit entry's commit before
/// anything is answered. The read decides and reads on a snapshot in a few hundred
/// microseconds of CPU and waits for nothing; only the durable commit of its entry waits, and
/// that wait holds no thread, so concurrent reads share commits without a thread each.
enum AuditedRead {
  static func run<T>(
    _ service: SamhandService, _ options: RequestOptions,
    _ read: (RequestOptions) throws -> T
  ) async throws -> T {
    let deferred = DeferredAudit()
    let result = Result { try read(options.deferringAudit(to: deferred)) }
    try await service.commit(deferred)
    return try result.get()
  }
}
