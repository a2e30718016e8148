import SamhandAudit
import SamhandStore
import ServiceLifecycle
import Synchronization

/// Commits the audit entries of reads whose callers await them (`DeferredAudit`). Waiting
/// callers hold no thread, so any number can share a commit.
///
/// In a server it runs as a `Service` of the server's `ServiceGroup`: its loop takes everything
/// queued, appends it through the group commit in one transaction on the blocking pool and
/// resumes every waiter once it is durable. Graceful shutdown, a failing service or
/// cancellation end the loop, and everything queued by then is still committed before `run`
/// returns. Without a running loop (the CLI, a test without a group, after shutdown) each
/// append is committed at once by its caller, so no entry waits for a loop that will not come.
///
/// Under load (the last commit less than `gatherWindow` ago) the loop gathers for up to that
/// window before committing: each commit costs a WAL write and an fdatasync whatever its size,
/// and the readers' page caches are dropped after every commit. A lone read after a quiet spell
/// is committed at once. One `run` at a time.
final class AuditAppender: Service, Sendable {
  private struct Waiter: Sendable {
    let entries: [AuditEvent]
    /// Resumed with true once committed by the loop.
    let continuation: CheckedContinuation<Bool, any Error>
  }

  private struct State: Sendable {
    var queue: [Waiter] = []
    /// Wakes the running loop; nil while no loop runs.
    var doorbell: AsyncStream<Void>.Continuation?
    var lastCommit: ContinuousClock.Instant?
    /// Appends in the batch the loop is committing.
    var committing = 0
  }

  /// How long after the last commit a batch may wait for more entries.
  static let gatherWindow = Duration.milliseconds(2)
  /// A batch this large is committed without waiting out the window.
  static let gatherLimit = 128

  private let state = Mutex(State())
  private let store: any Store
  private let committer: GroupCommitter

  init(store: any Store, committer: GroupCommitter) {
    self.store = store
    self.committer = committer
  }

  /// How many appends wait for the loop, queued or in the commit under way (for tests and
  /// diagnostics).
  var waiting: Int { state.withLock { $0.queue.count + $0.committing } }

  /// Whether a loop runs, so appends queue for it.
  var running: Bool { state.withLock { $0.doorbell != nil } }

  /// Returns once `entries` are durable; throws when they could not be written.
  func append(_ entries: [AuditEvent]) async throws {
    let committedByLoop = try await withCheckedThrowingContinuation { continuation in
      let doorbell = state.withLock { state in
        if state.doorbell != nil {
          state.queue.append(Waiter(entries: entries, continuation: continuation))
        }
        return state.doorbell
      }
      if let doorbell {
        doorbell.yield()
      } else {
        continuation.resume(returning: false)
      }
    }
    if !committedByLoop { try await commit(entries) }
  }

  /// Commits what is queued whenever something is, until graceful shutdown or cancellation;
  /// then commits what is left and returns.
  func run() async {
    let (doorbell, ring) = AsyncStream.makeStream(
      of: Void.self, bufferingPolicy: .bufferingNewest(1))
    state.withLock { $0.doorbell = ring }
    await withGracefulShutdownHandler {
      for await _ in doorbell { await commitQueued() }
    } onGracefulShutdown: {
      ring.finish()
    }
    state.withLock { $0.doorbell = nil }
    // A task of its own: a cancelled run must still commit (or fail) what its callers await.
    await Task { await commitQueued() }.value
  }

  private func commitQueued() async {
    await gather()
    let batch = state.withLock { state in
      defer { state.queue.removeAll(keepingCapacity: true) }
      state.committing = state.queue.count
      return state.queue
    }
    guard !batch.isEmpty else { return }
    let outcome: Result<Bool, any Error>
    do {
      try await commit(batch.flatMap(\.entries))
      outcome = .success(true)
    } catch {
      outcome = .failure(error)
    }
    state.withLock { state in
      state.lastCommit = .now
      state.committing = 0
    }
    for waiter in batch { waiter.continuation.resume(with: outcome) }
  }

  /// Under load, waits out the gather window unless a full batch is already queued.
  private func gather() async {
    let lastCommit = state.withLock { $0.queue.count < Self.gatherLimit ? $0.lastCommit : nil }
    guard let lastCommit, lastCommit + Self.gatherWindow > .now else { return }
    try? await Task.sleep(until: lastCommit + Self.gatherWindow, clock: .continuous)
  }

  private func commit(_ entries: [AuditEvent]) async throws {
    try await Blocking.run { [store, committer] in
      _ = try committer.write(store) { try $0.appendAudit(contentsOf: entries) }
    }
  }
}
