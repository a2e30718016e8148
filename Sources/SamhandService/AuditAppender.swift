import Foundation
import SamhandAudit
import SamhandStore

/// Commits audit entries for callers that await rather than block: one thread takes everything
/// queued, appends it through the group commit in one transaction and resumes every waiter once
/// it is durable. Waiting callers hold no thread, so any number can share a commit. The thread
/// starts with the first entry and ends after a second with nothing to do.
///
/// Under load (entries arriving within `gatherWindow` of the last commit) it gathers for up to
/// that window before committing: each commit costs a WAL write and an fdatasync whatever its
/// size, and the readers' page caches are dropped after every commit. A lone read after a
/// quiet spell is committed at once.
final class AuditAppender: @unchecked Sendable {
  // @unchecked: `queue`, `running` and `lastCommit` are only touched while `condition` is locked.
  private let condition = NSCondition()
  private var queue: [Waiter] = []
  private var running = false
  private var lastCommit: Date?

  private struct Waiter {
    let entries: [AuditEvent]
    let continuation: CheckedContinuation<Void, any Error>
  }

  /// How long the thread waits for more before it ends.
  static let idleSeconds = 1.0
  /// How long after the last commit a batch may wait for more entries (seconds).
  static let gatherWindow = 0.002
  /// A batch this large is committed without waiting out the window.
  static let gatherLimit = 128

  func append(
    _ entries: [AuditEvent], to store: SQLiteStore, through committer: GroupCommitter
  ) async throws {
    try await withCheckedThrowingContinuation { continuation in
      condition.lock()
      queue.append(Waiter(entries: entries, continuation: continuation))
      let start = !running
      running = true
      condition.signal()
      condition.unlock()
      if start {
        let thread = Thread { [self] in drain(store, committer) }
        thread.name = "samhand.audit-appender"
        thread.start()
      }
    }
  }

  private func drain(_ store: SQLiteStore, _ committer: GroupCommitter) {
    while let batch = nextBatch() {
      let outcome = Result {
        try committer.write(store) { transaction in
          try transaction.appendAudit(contentsOf: batch.flatMap(\.entries))
        }
      }
      condition.withLock { lastCommit = Date() }
      for waiter in batch { waiter.continuation.resume(with: outcome) }
    }
  }

  /// Everything queued, once there is something; nil (and the thread ends) after an idle spell.
  private func nextBatch() -> [Waiter]? {
    condition.lock()
    defer { condition.unlock() }
    while queue.isEmpty {
      guard condition.wait(until: Date(timeIntervalSinceNow: Self.idleSeconds)) || !queue.isEmpty
      else {
        running = false
        return nil
      }
    }
    let now = Date()
    if let lastCommit, now.timeIntervalSince(lastCommit) < Self.gatherWindow {
      // Bounded by `now` too, so a wall clock set back cannot stretch the wait.
      let deadline = min(lastCommit, now).addingTimeInterval(Self.gatherWindow)
      while queue.count < Self.gatherLimit, condition.wait(until: deadline) {}
    }
    defer { queue.removeAll(keepingCapacity: true) }
    return queue
  }
}
