import Foundation
import SamhandAudit
import SamhandTestSupport
import Testing

@Suite("Tampering is detected")
struct AuditTamperTests {
  /// 2,000 entries, a checkpoint every 100 (the last one at the end, as on shutdown).
  static let log = try? Fixtures.log(count: 2_000, checkpointEvery: 100)
  static let baseSeed: UInt64 = 0x5A4D_4841_4E44_0004
  static let batches = 10
  static let mutationsPerBatch = 100

  @Test(
    "1,000 random single mutations are each detected, with the kind an auditor expects",
    arguments: 0..<batches)
  func randomMutations(batch: Int) throws {
    let log = try #require(Self.log)
    let seed = Self.baseSeed &+ UInt64(batch)
    var rng = SplitMix64(seed: seed)
    for round in 0..<Self.mutationsPerBatch {
      let mutation = Mutation.random(for: log, using: &rng)
      let report = mutation.apply(to: log).verify()
      let context: Comment = "seed \(seed) round \(round): \(mutation) → \(report)"
      let problem = try #require(report.problem, context)
      #expect(!report.intact, context)
      let expected = mutation.expected(in: log)
      #expect(problem.kind == expected.kind, context)
      if let sequence = expected.sequence {
        #expect(problem.sequence == sequence, context)
      }
      #expect(!problem.description.contains("\n"), context)
    }
  }

  @Test("every kind of mutation occurs among the random ones")
  func mutationsCoverEveryKind() throws {
    let log = try #require(Self.log)
    var seen = Set<String>()
    for batch in 0..<Self.batches {
      var rng = SplitMix64(seed: Self.baseSeed &+ UInt64(batch))
      for _ in 0..<Self.mutationsPerBatch {
        let name = "\(Mutation.random(for: log, using: &rng))".prefix { $0 != " " }
        seen.insert(String(name))
      }
    }
    #expect(
      seen == [
        "change", "flip", "set", "delete", "insert", "swap", "truncate", "rewrite",
        "alter", "forge",
      ])
  }
}
