import SamhandAudit
import Synchronization

/// The audit entries of reads whose caller commits them itself, asynchronously, before it
/// answers: the HTTP server, so that a read need not hold a thread while its entry waits for
/// the group commit. A read given one (`RequestOptions.deferringAudit(to:)`) records its entry
/// here instead of committing it; the caller must pass it to `SamhandService.commit(_:)` and
/// answer only once that returned (invariant 1: no read is answered unaudited).
public final class DeferredAudit: Sendable {
  private let recorded = Mutex<[AuditEvent]>([])

  public init() {}

  func record(_ entry: AuditEvent) {
    recorded.withLock { $0.append(entry) }
  }

  func record(contentsOf entries: [AuditEvent]) {
    recorded.withLock { $0.append(contentsOf: entries) }
  }

  /// Takes the entries recorded so far.
  func take() -> [AuditEvent] {
    recorded.withLock { entries in
      defer { entries.removeAll() }
      return entries
    }
  }
}

extension RequestOptions {
  /// These options, with the audit entries of gated reads left to `deferred`.
  public func deferringAudit(to deferred: DeferredAudit) -> RequestOptions {
    var options = self
    options.deferredAudit = deferred
    return options
  }
}

extension SamhandService {
  /// Commits the entries `deferred` holds, in a transaction shared with other requests', and
  /// returns once they are durable. Throws when they could not be written: then the read
  /// they record must not be answered.
  public func commit(_ deferred: DeferredAudit) async throws {
    let entries = deferred.take()
    guard !entries.isEmpty else { return }
    try await auditAppender.append(entries)
  }
}
