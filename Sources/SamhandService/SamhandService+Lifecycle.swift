import Logging
import ServiceLifecycle
import UnixSignals

extension SamhandService {
  /// The services a server runs before its listeners, in start order: the group committer
  /// (periodic checkpoints and the final one) and the audit appender. A `ServiceGroup` stops
  /// services in reverse order, so listeners placed after these stop first, then the
  /// appender drains its queue, then the committer signs the final checkpoint.
  public func lifecycle(logger: Logger) -> [any Service] {
    [CommitterService(service: self, logger: logger), auditAppender]
  }

  /// A group running `lifecycle(logger:)` and then `listeners`. Any service returning or
  /// throwing shuts the whole group down gracefully, in order, so the final checkpoint is
  /// written also when a listener fails; `run()` then rethrows that failure.
  public func serviceGroup(
    listeners: [any Service], signals: [UnixSignal] = [.sigterm, .sigint], logger: Logger
  ) -> ServiceGroup {
    let services = (lifecycle(logger: logger) + listeners).map {
      ServiceGroupConfiguration.ServiceConfiguration(
        service: $0, successTerminationBehavior: .gracefullyShutdownGroup,
        failureTerminationBehavior: .gracefullyShutdownGroup)
    }
    return ServiceGroup(
      configuration: .init(services: services, gracefulShutdownSignals: signals, logger: logger))
  }
}
