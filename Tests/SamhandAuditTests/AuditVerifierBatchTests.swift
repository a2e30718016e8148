import Foundation
import SamhandAudit
import SamhandTestSupport
import Testing

@Suite("Verifier fed in batches, signatures checked concurrently")
struct AuditVerifierBatchTests {
  /// 2,000 entries, a checkpoint every 100.
  static let log = try? Fixtures.log(count: 2_000, checkpointEvery: 100)
  static let baseSeed: UInt64 = 0x5A4D_4841_4E44_0B47

  @Test("an intact log verifies the same in batches of any size", arguments: [1, 99, 100, 701])
  func intactInBatches(size: Int) async throws {
    let log = try #require(Self.log)
    let report = await log.verifyInBatches(of: size)
    #expect(report.intact)
    #expect(report.checkpointsChecked == 20)
    #expect(report == log.verify())
  }

  @Test(
    "random mutations, with or without a bad checkpoint too, give the same report in batches",
    arguments: 0..<4)
  func sameReportAsOneByOne(batch: Int) async throws {
    let log = try #require(Self.log)
    let seed = Self.baseSeed &+ UInt64(batch)
    var rng = SplitMix64(seed: seed)
    for round in 0..<100 {
      let first = Mutation.random(for: log, using: &rng)
      var mutated = first.apply(to: log)
      var described = "\(first)"
      // A second, checkpoint mutation puts a bad signature or head somewhere before or after
      // the first problem; it may also undo a first one, so only a single one must break.
      let twice = !mutated.checkpoints.isEmpty && Bool.random(using: &rng)
      if twice {
        let second = Mutation.alterCheckpoint(
          index: Int.random(in: 0..<mutated.checkpoints.count, using: &rng),
          part: Mutation.CheckpointPart.allCases.randomElement(using: &rng) ?? .signature)
        mutated = second.apply(to: mutated)
        described += "; then \(second)"
      }
      let size = Int.random(in: 1...700, using: &rng)
      let serial = mutated.verify()
      let batched = await mutated.verifyInBatches(of: size)
      let context: Comment = "seed \(seed) round \(round) batch size \(size): \(described)"
      #expect(twice || !serial.intact, context)
      #expect(batched == serial, context)
    }
  }

  /// A bad signature at checkpoint `badCheckpoint` and a changed entry at `changedIndex`:
  /// whichever comes first in the log is the problem, as if found in one pass.
  struct TwoProblems: Sendable, CustomStringConvertible {
    let badCheckpoint: Int
    let changedIndex: Int
    let kind: AuditProblemKind
    let sequence: Int64
    /// The last entry that verified before the problem.
    let headSequence: Int
    let checkpointsChecked: Int

    var description: String { "bad checkpoint \(badCheckpoint), changed entry \(changedIndex)" }
  }

  static let twoProblems = [
    TwoProblems(
      badCheckpoint: 2, changedIndex: 1_200, kind: .badCheckpoint, sequence: 300,
      headSequence: 300, checkpointsChecked: 2),
    TwoProblems(
      badCheckpoint: 9, changedIndex: 349, kind: .changed, sequence: 350, headSequence: 349,
      checkpointsChecked: 3),
  ]

  @Test(
    "of a bad signature and a changed entry, the earlier in the log is reported, with its head",
    arguments: twoProblems, [1, 64, 2_000])
  func earlierProblemWins(problems: TwoProblems, size: Int) async throws {
    var log = try #require(Self.log)
    let bad = problems.badCheckpoint
    log.checkpoints[bad] = Mutation.CheckpointPart.signature.alter(log.checkpoints[bad])
    log = Mutation.changeField(index: problems.changedIndex, field: .purpose).apply(to: log)
    for report in [log.verify(), await log.verifyInBatches(of: size)] {
      #expect(report.problem?.kind == problems.kind)
      #expect(report.problem?.sequence == problems.sequence)
      #expect(report.head == log.entries[problems.headSequence - 1].head)
      #expect(report.checkpointsChecked == problems.checkpointsChecked)
      #expect(report.entriesChecked == 2_000)
    }
  }
}
