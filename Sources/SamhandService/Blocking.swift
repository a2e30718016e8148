import Foundation
import NIOPosix

/// Runs synchronous work (SQLite, the group commit, sealing) off Swift's cooperative pool, on
/// NIO's thread pool. A use case blocks on SQLite and on the group commit of its audit entry;
/// many must be able to wait at once, since that is what lets concurrent requests share one
/// commit, so the pool has more threads than NIO's singleton (one per core) and than
/// Dispatch's, which on Linux adds a thread for blocked ones only about once a second.
public enum Blocking {
  /// Started on first use; like `NIOThreadPool.singleton` it lives as long as the process.
  static let pool: NIOThreadPool = {
    let pool = NIOThreadPool(
      numberOfThreads: max(64, 16 * ProcessInfo.processInfo.activeProcessorCount))
    pool.start()
    return pool
  }()

  /// Runs `body` on the pool and returns its result. Throws `CancellationError` without
  /// running it when the calling task is cancelled before a thread takes it.
  public static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T
  {
    try await pool.runIfActive(body)
  }
}
