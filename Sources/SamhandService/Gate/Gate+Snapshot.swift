import Foundation
import SamhandAudit
import SamhandStore

extension Gate {
  /// Read mode, for use cases that only read (DESIGN invariant 1, read form): resolve, decide and
  /// read on one read snapshot, outside the write transaction, then append the audit entry
  /// through the group commit and answer only once that commit is durable. Nothing is
  /// answered when the audit entry cannot be written (fail closed).
  ///
  /// Concurrent reads thus decide and read in parallel, and only their audit appends share a
  /// write transaction. A read whose snapshot was taken before a change (say a consent
  /// withdrawal) committed is decided as of that snapshot: it is the same as the read having
  /// happened just before the change. A read that starts after the change committed sees it:
  /// each read takes a new snapshot, and facts cached from an earlier one are used only while
  /// the snapshot shows the access generation they were read at (`AccessFactsCache`).
  ///
  /// With a `DeferredAudit` in the request, the entry is left there for the caller to commit
  /// before it answers (the HTTP server, which awaits the commit without holding a thread).
  ///
  /// A denial or an unknown target is audited and reported as in `write`. If `read` fails after
  /// an allow, the entry is appended with outcome `failed` and the error is thrown.
  func read<T>(
    _ request: GateRequest, notFound: ServiceError,
    resolve: (StoreTransaction) throws -> GateTarget?,
    read: (StoreTransaction, GateTarget) throws -> T
  ) throws -> T {
    let now = clock.now
    let (entry, outcome): (AuditEvent, Result<T, any Error>) = try store.read { snapshot in
      let reader = try FactsReader.cached(accessCache, in: snapshot)
      switch try judge(
        request, notFound: notFound, in: snapshot, reader: reader, resolve: resolve, at: now)
      {
      case .refused(let entry, let error):
        return (entry, .failure(error))
      case .allowed(var entry, let target):
        let result = Result { try read(snapshot, target) }
        if case .failure = result { entry.outcome = .failed }
        return (entry, result)
      }
    }
    if let deferred = request.deferredAudit {
      deferred.record(entry)
    } else {
      _ = try committer.write(store) { try $0.appendAudit(entry) }
    }
    return try outcome.get()
  }

  /// For helpers shared by a resource's reads and changes (plans, groups, handovers): a
  /// `.view` request only reads, so it takes `read`; any other takes `write`.
  func perform<T>(
    _ request: GateRequest, readingIfView notFound: ServiceError,
    resolve: (StoreTransaction) throws -> GateTarget?,
    perform: (StoreTransaction, GateTarget) throws -> T
  ) throws -> T {
    request.action == .view
      ? try read(request, notFound: notFound, resolve: resolve, read: perform)
      : try write(request, notFound: notFound, resolve: resolve, perform: perform)
  }
}
