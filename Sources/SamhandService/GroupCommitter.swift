import Dispatch
import Foundation
import SamhandStore

/// Group commit for the gate: write operations that arrive while a transaction is being
/// committed wait, then go together into the next transaction, each in its own savepoint. Every
/// caller returns only after the transaction holding its operation (and its audit entry) has
/// committed durably, but concurrent callers share one fsync instead of paying one each.
///
/// There is no background thread: the first caller leads and commits; when it is done it hands
/// the lead to the oldest waiter, which commits everything that queued up meanwhile. A lone
/// caller (the CLI) simply commits its own operation at once.
final class GroupCommitter: @unchecked Sendable {
  // @unchecked: `queue` and `leading` are only touched under `lock`; each Pending's result is
  // written by the leader before it signals the semaphore its owner waits on.
  private let lock = NSLock()
  private var queue: [Pending] = []
  private var leading = false

  /// The largest number of operations put into one transaction.
  static let maxBatch = 256

  /// Told how many operations each commit carried and how long it took (for metrics).
  private let onCommit: @Sendable (_ operations: Int, _ duration: Duration) -> Void

  init(
    onCommit: @escaping @Sendable (_ operations: Int, _ duration: Duration) -> Void = { _, _ in }
  ) {
    self.onCommit = onCommit
  }

  private final class Pending {
    /// Dropped once run, so no reference to the caller's non-escaping closure outlives it.
    var work: ((StoreTransaction) -> Void)?
    let wake = DispatchSemaphore(value: 0)
    /// Set when this waiter is woken to commit the next batch rather than because it is done.
    var lead = false
    var commitFailure: (any Error)?

    init(_ work: @escaping (StoreTransaction) -> Void) { self.work = work }
  }

  /// How many operations wait for the next commit (for tests and diagnostics).
  var waiting: Int { lock.withLock { queue.count } }

  /// Runs `body` in a savepoint of a shared write transaction and returns once it committed.
  func write<T>(_ store: any Store, _ body: (StoreTransaction) throws -> T) throws -> T {
    try withoutActuallyEscaping(body) { body in
      var result: Result<T, any Error> = .failure(StoreError.database("not run"))
      let pending = Pending { transaction in
        result = Result { try transaction.savepoint { try body(transaction) } }
      }
      lock.lock()
      queue.append(pending)
      let leads = !leading
      leading = true
      lock.unlock()
      if !leads {
        pending.wake.wait()
      }
      if leads || pending.lead {
        commitBatch(store, leader: pending)
      }
      if let failure = pending.commitFailure { throw failure }
      return try result.get()
    }
  }

  /// Commits everything queued (up to `maxBatch`), wakes its owners and hands on the lead.
  private func commitBatch(_ store: any Store, leader: Pending) {
    lock.lock()
    let batch = Array(queue.prefix(Self.maxBatch))
    queue.removeFirst(batch.count)
    lock.unlock()
    let started = ContinuousClock.now
    do {
      try store.write { transaction in
        for pending in batch { pending.work?(transaction) }
      }
    } catch {
      for pending in batch { pending.commitFailure = error }
    }
    onCommit(batch.count, ContinuousClock.now - started)
    for pending in batch { pending.work = nil }
    lock.lock()
    if let next = queue.first {
      next.lead = true
      next.wake.signal()
    } else {
      leading = false
    }
    lock.unlock()
    for pending in batch where pending !== leader {
      pending.wake.signal()
    }
  }
}
