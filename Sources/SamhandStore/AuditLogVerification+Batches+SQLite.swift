import Crypto
import Dispatch
import Foundation
import GRDB
import SamhandAudit

/// The verification of `samhand audit verify`: the database is read on its own thread and
/// handed over in batches, which the verifier walks on two cores
/// (`AuditVerifier.feed(contentsOf:)`) while the next batch is read. The report is the one
/// `verify(databaseAt:publicKeys:progress:)` gives. With `rootsAt:` the same batches also
/// recompute the Merkle tree (`verify --witness`): each row is read once for both.
extension AuditLogVerification {
  /// Rows handed to the verifier at a time.
  static let batchSize = 8_192
  /// Batches read ahead of the verifier at most, so memory stays constant.
  static let batchesAhead = 2

  /// What the reading thread hands to the verifier, in log order.
  enum Delivery: Sendable {
    case start(checkpoints: [AuditCheckpoint], total: Int64)
    case unreadableCheckpoint
    case entries([AuditEntry])
    case undecodable(AuditRow.Undecodable)
  }

  /// `verify(databaseAt:publicKeys:progress:)` with reading and verifying overlapped.
  public static func verifyInBatches(
    databaseAt url: URL, publicKeys: [String: Curve25519.Signing.PublicKey],
    progress: ((Int64, Int64) -> Void)? = nil
  ) async throws -> AuditVerificationReport {
    try await verifyInBatches(
      databaseAt: url, publicKeys: publicKeys, progress: progress, batchSize: batchSize)
  }

  /// `verifyInBatches`, recomputing the tree from the same batches on the other core: the
  /// chain report and the tree (entries and the roots at `sizes`) from one read of the file,
  /// for `verify --witness`.
  public static func verifyInBatches(
    databaseAt url: URL, publicKeys: [String: Curve25519.Signing.PublicKey],
    rootsAt sizes: Set<Int64>, progress: ((Int64, Int64) -> Void)? = nil
  ) async throws -> (report: AuditVerificationReport, tree: MerkleRecomputation) {
    let (report, tree) = try await verifyInBatches(
      databaseAt: url, publicKeys: publicKeys, tree: MerkleRecomputation(rootsAt: sizes),
      progress: progress, batchSize: batchSize)
    return (report, tree ?? MerkleRecomputation(rootsAt: sizes))
  }

  /// `verifyInBatches` handing over `batchSize` rows at a time (tests cross many batches).
  static func verifyInBatches(
    databaseAt url: URL, publicKeys: [String: Curve25519.Signing.PublicKey],
    progress: ((Int64, Int64) -> Void)?, batchSize: Int
  ) async throws -> AuditVerificationReport {
    try await verifyInBatches(
      databaseAt: url, publicKeys: publicKeys, tree: nil, progress: progress,
      batchSize: batchSize
    ).report
  }

  /// The pipeline: `tree`, if any, grows from the same batches as the chain.
  static func verifyInBatches(
    databaseAt url: URL, publicKeys: [String: Curve25519.Signing.PublicKey],
    tree: MerkleRecomputation?, progress: ((Int64, Int64) -> Void)?, batchSize: Int
  ) async throws -> (report: AuditVerificationReport, tree: MerkleRecomputation?) {
    var tree = tree
    let queue = try openReadOnly(url)
    let (deliveries, continuation) = AsyncStream.makeStream(of: Delivery.self)
    let permits = DispatchSemaphore(value: batchesAhead)
    async let reading: Void = read(
      queue, path: url.path, batchSize: max(batchSize, 1), into: continuation, permits: permits)
    var verifier = AuditVerifier(checkpoints: [], publicKeys: publicKeys)
    var unreadable = false
    var (read, total): (Int64, Int64) = (0, 0)
    for await delivery in deliveries {
      switch delivery {
      case .start(let checkpoints, let count):
        verifier = AuditVerifier(checkpoints: checkpoints, publicKeys: publicKeys)
        total = count
      case .unreadableCheckpoint: unreadable = true
      case .entries(let entries):
        await verifier.feed(contentsOf: entries, growing: &tree)
        permits.signal()
        let before = read
        read += Int64(entries.count)
        if read / progressStep > before / progressStep { progress?(read, total) }
      case .undecodable(let problem):
        verifier.feedUndecodable(sequence: problem.sequence, reason: problem.reason)
        tree?.appendUndecodable(reason: problem.reason)
        read += 1
        if read % progressStep == 0 { progress?(read, total) }
      }
    }
    try await reading
    progress?(read, total)
    return (unreadable ? unreadableCheckpoint : verifier.finish(), tree)
  }

  /// Reads the log into `continuation`, waiting for a permit before each batch of entries;
  /// finishes the stream however it ends.
  private static func read(
    _ queue: DatabaseQueue, path: String, batchSize: Int,
    into continuation: AsyncStream<Delivery>.Continuation, permits: DispatchSemaphore
  ) async throws {
    defer { continuation.finish() }
    try await queue.read { db in
      try translatingErrors(path: path) {
        try deliver(db, batchSize: batchSize, into: continuation, permits: permits)
      }
    }
  }

  private static func deliver(
    _ db: Database, batchSize: Int, into continuation: AsyncStream<Delivery>.Continuation,
    permits: DispatchSemaphore
  ) throws {
    // An unreadable checkpoint fails the chain, but the tree is still recomputed.
    let checkpoints = try checkpoints(db)
    if checkpoints == nil { continuation.yield(.unreadableCheckpoint) }
    continuation.yield(.start(checkpoints: checkpoints ?? [], total: try entryCount(db)))
    var batch: [AuditEntry] = []
    batch.reserveCapacity(batchSize)
    func handOver() {
      guard !batch.isEmpty else { return }
      permits.wait()
      continuation.yield(.entries(batch))
      batch.removeAll(keepingCapacity: true)
    }
    try forEachEntry(db) { decoded in
      switch decoded {
      case .success(let entry):
        batch.append(entry)
        if batch.count == batchSize { handOver() }
      case .failure(let problem):
        handOver()
        continuation.yield(.undecodable(problem))
      }
    }
    handOver()
  }
}
