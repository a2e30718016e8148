import Foundation
import SamhandTestSupport
import Testing

@testable import SamhandAudit

@Suite("The tree grown from the walk's encodings is the tree of the entries, whatever the chain")
struct AuditVerifierTreePipelineTests {
  /// 2,000 entries, a checkpoint every 100.
  static let log = try? Fixtures.log(count: 2_000, checkpointEvery: 100)
  static let sizes: Set<Int64> = [1, 63, 64, 65, 700, 1_000, 1_999, 2_000, 2_001]
  static let baseSeed: UInt64 = 0x5452_4545_5049_5045

  @Test(
    "an intact log: same roots and chain report in any chunking",
    arguments: [1, 7, 64, 100], [333, 701, 2_000])
  func intactInAnyChunking(chunkSize: Int, batchSize: Int) async throws {
    let log = try #require(Self.log)
    let (report, tree) = await log.verifyGrowingTree(
      of: batchSize, chunkSize: chunkSize, rootsAt: Self.sizes)
    #expect(report.intact)
    report.expectSame(as: log.verify(), "chunks of \(chunkSize), batches of \(batchSize)")
    tree.expectSame(as: log.treeEntryByEntry(rootsAt: Self.sizes))
    #expect(tree.roots.count == Self.sizes.count - 1)
  }

  @Test("seeded random mutations: the tree still takes every entry", arguments: 0..<3)
  func randomMutations(round: Int) async throws {
    let log = try #require(Self.log)
    let seed = Self.baseSeed &+ UInt64(round)
    var rng = SplitMix64(seed: seed)
    for attempt in 0..<60 {
      let mutation = Mutation.random(for: log, using: &rng)
      let mutated = mutation.apply(to: log)
      let batchSize = 1 + rng.below(1_500)
      let chunkSize = 1 + rng.below(200)
      let context: Comment = """
        seed \(seed) attempt \(attempt), batches of \(batchSize), chunks of \(chunkSize): \
        \(mutation)
        """
      let (report, tree) = await mutated.verifyGrowingTree(
        of: batchSize, chunkSize: chunkSize, rootsAt: Self.sizes)
      report.expectSame(as: mutated.verify(), context)
      tree.expectSame(as: mutated.treeEntryByEntry(rootsAt: Self.sizes), context)
    }
  }
}

extension AuditLog {
  /// `verifyInBatches(of:chunkSize:)` growing a tree from the same batches.
  fileprivate func verifyGrowingTree(of size: Int, chunkSize: Int, rootsAt sizes: Set<Int64>)
    async -> (AuditVerificationReport, MerkleRecomputation)
  {
    var verifier = AuditVerifier(checkpoints: checkpoints, publicKeys: Fixtures.publicKeys)
    verifier.chunkSize = chunkSize
    var tree: MerkleRecomputation? = MerkleRecomputation(rootsAt: sizes)
    var start = 0
    while start < entries.count {
      let batch = Array(entries[start..<min(start + size, entries.count)])
      await verifier.feed(contentsOf: batch, growing: &tree)
      start += size
    }
    return (verifier.finish(), tree ?? MerkleRecomputation(rootsAt: []))
  }

  /// The tree of the entries appended one at a time, each encoded on its own.
  fileprivate func treeEntryByEntry(rootsAt sizes: Set<Int64>) -> MerkleRecomputation {
    var tree = MerkleRecomputation(rootsAt: sizes)
    for entry in entries { tree.append(entry) }
    return tree
  }
}

extension MerkleRecomputation {
  fileprivate func expectSame(as other: MerkleRecomputation, _ context: Comment = "") {
    #expect(entries == other.entries, context)
    #expect(roots == other.roots, context)
  }
}
