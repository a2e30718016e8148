import Foundation

/// Runs the service's synchronous use cases off Swift's cooperative pool, on a fixed set of
/// threads of its own. A use case blocks on SQLite and on the group commit of its audit entry;
/// many must be able to wait at once, since that is what lets concurrent requests share one
/// commit. Dispatch's pool on Linux adds a thread for blocked ones only about once a second,
/// so under load a handful of threads carried every request and batches stayed small.
enum Blocking {
  /// Enough threads for every connection of a busy client to wait on a commit together.
  static let pool = ThreadPool(threads: max(64, 16 * ProcessInfo.processInfo.activeProcessorCount))

  static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
      pool.submit { continuation.resume(with: Result { try body() }) }
    }
  }
}

/// A fixed number of threads taking jobs from one queue, first in, first out. The threads
/// live as long as the process.
final class ThreadPool: Sendable {
  private let jobs = JobQueue()

  init(threads: Int) {
    for index in 0..<threads {
      let thread = Thread { [jobs] in
        while true { jobs.next()() }
      }
      thread.name = "samhand.blocking.\(index)"
      thread.start()
    }
  }

  func submit(_ job: @escaping @Sendable () -> Void) { jobs.append(job) }
}

/// The pool's queue: appending wakes one waiting thread.
private final class JobQueue: @unchecked Sendable {
  // @unchecked: `pending` is only touched while `condition` is locked.
  private let condition = NSCondition()
  private var pending: [@Sendable () -> Void] = []

  func append(_ job: @escaping @Sendable () -> Void) {
    condition.lock()
    pending.append(job)
    condition.signal()
    condition.unlock()
  }

  /// Waits for the oldest job and takes it.
  func next() -> @Sendable () -> Void {
    condition.lock()
    defer { condition.unlock() }
    while pending.isEmpty { condition.wait() }
    return pending.removeFirst()
  }
}
