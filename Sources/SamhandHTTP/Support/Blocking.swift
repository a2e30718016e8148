import Dispatch

/// Runs the service's synchronous use cases off Swift's cooperative pool. A use case blocks on
/// SQLite and on the group commit of its audit entry; many may wait at once, which is what
/// lets concurrent requests share one commit.
enum Blocking {
  static let queue = DispatchQueue(label: "samhand.http.service", attributes: .concurrent)

  static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
      queue.async { continuation.resume(with: Result { try body() }) }
    }
  }
}
