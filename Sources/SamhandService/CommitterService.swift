import Logging
import ServiceLifecycle

/// The group committer in a server's `ServiceGroup`. The committer has no thread of its own
/// (its callers take turns leading the commits), so what runs here is its checkpoint schedule:
/// a signed checkpoint every `checkpoint_seconds` while entries are unsigned, so a server's
/// entries are never long without one a witness can cosign, and a final checkpoint when the
/// group stops, gracefully, because another service failed, or by cancellation. The group
/// stops services in reverse order, and this one comes first (`SamhandService.lifecycle`), so
/// by then the listeners have finished their requests and the audit appender has drained.
struct CommitterService: Service {
  let service: SamhandService
  let logger: Logger

  func run() async throws {
    let interval = Duration.seconds(service.settings.checkpointSeconds)
    while !Task.isCancelled, !Task.isShuttingDownGracefully {
      do {
        try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
      } catch {
        break
      }
      do {
        try await Blocking.run { [service] in try service.checkpointIfBehind() }
      } catch {
        logger.error("audit checkpoint failed: \(error)")
      }
    }
    // A task of its own: a cancelled group must still sign the final checkpoint.
    try await Task { [service] in
      try await Blocking.run { try service.shutdownCheckpoint() }
    }.value
    logger.info("final audit checkpoint written")
  }
}
