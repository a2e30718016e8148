import Foundation
import SamhandAudit
import SamhandTestSupport
import Testing

@Suite("Batches walked on two cores, chunk by chunk, report as one entry at a time")
struct AuditVerifierPipelineTests {
  /// 2,000 entries, a checkpoint every 100.
  static let log = try? Fixtures.log(count: 2_000, checkpointEvery: 100)
  static let baseSeed: UInt64 = 0x5A4D_4841_4E44_C4C4

  @Test(
    "an intact log verifies the same whatever the batch and chunk sizes",
    arguments: [1, 7, 64, 100], [333, 701, 2_000])
  func intactInAnyChunking(chunkSize: Int, batchSize: Int) async throws {
    let log = try #require(Self.log)
    let report = await log.verifyInBatches(of: batchSize, chunkSize: chunkSize)
    #expect(report.intact)
    #expect(report.entriesChecked == 2_000)
    #expect(report.checkpointsChecked == 20)
    report.expectSame(as: log.verify(), "chunks of \(chunkSize), batches of \(batchSize)")
  }

  /// With batches of 700 and chunks of 64, the first batch's chunks start at 0, 64, …, 640
  /// (its last chunk holds 60 entries) and the second batch starts at 700.
  static let places = [0, 1, 63, 64, 65, 350, 639, 640, 698, 699, 700, 701, 1_998, 1_999]

  static func mutations(at index: Int) -> [Mutation] {
    [
      .changeField(index: index, field: .requestID),
      .changeStoredHash(index: index, byte: 31),
      .changeSequence(index: index, to: Int64(index) + 7),
      .delete(index: index),
      .insertForged(index: index, afterOriginal: index % 2 == 0),
      .swap(first: max(index - 1, 0), second: max(index, 1), swapSequences: index % 2 == 1),
    ]
  }

  @Test(
    "a problem in the first, a middle or the last chunk, or at a boundary, reads the same",
    arguments: places)
  func problemAtEveryPlace(index: Int) async throws {
    let log = try #require(Self.log)
    for mutation in Self.mutations(at: index) {
      let mutated = mutation.apply(to: log)
      let serial = mutated.verify()
      let batched = await mutated.verifyInBatches(of: 700, chunkSize: 64)
      #expect(!serial.intact, "\(mutation)")
      batched.expectSame(as: serial, "\(mutation)")
    }
  }

  @Test(
    "an entry re-hashed under a wrong sequence is reported for its sequence, as one by one",
    arguments: places)
  func rehashedUnderWrongSequence(index: Int) async throws {
    var log = try #require(Self.log)
    for offset: Int64 in [-1, 1, 5] {
      let wrong = Int64(index) + 1 + offset
      let entry = log.entries[index]
      let previous = index == 0 ? AuditChain.genesisHash : log.entries[index - 1].hash
      log.entries[index] = AuditEntry(
        sequence: wrong, event: entry.event,
        hash: AuditChain.hash(previous: previous, sequence: wrong, event: entry.event))
      let serial = log.verify()
      let batched = await log.verifyInBatches(of: 700, chunkSize: 64)
      #expect(serial.problem?.sequence == Int64(index) + 1, "sequence \(wrong)")
      batched.expectSame(as: serial, "entry at \(index) re-hashed under sequence \(wrong)")
      log.entries[index] = entry
    }
  }

  @Test("seeded random mutations give the same report field by field", arguments: 0..<4)
  func randomMutations(round: Int) async throws {
    let log = try #require(Self.log)
    let seed = Self.baseSeed &+ UInt64(round)
    var rng = SplitMix64(seed: seed)
    for attempt in 0..<100 {
      var mutation = Mutation.random(for: log, using: &rng)
      var mutated = mutation.apply(to: log)
      var described = "\(mutation)"
      if !mutated.checkpoints.isEmpty && rng.chance(0.3) {
        mutation = .alterCheckpoint(
          index: rng.below(mutated.checkpoints.count),
          part: rng.pick(Mutation.CheckpointPart.allCases))
        mutated = mutation.apply(to: mutated)
        described += "; then \(mutation)"
      }
      let batchSize = 1 + rng.below(1_500)
      let chunkSize = 1 + rng.below(200)
      let context: Comment = """
        seed \(seed) attempt \(attempt), batches of \(batchSize), chunks of \(chunkSize): \
        \(described)
        """
      let serial = mutated.verify()
      let batched = await mutated.verifyInBatches(of: batchSize, chunkSize: chunkSize)
      batched.expectSame(as: serial, context)
    }
  }

  @Test("entries far longer than a chunk expects are encoded whole", arguments: [1, 3, 10])
  func oversizedEntries(chunkSize: Int) async throws {
    var entries: [AuditEntry] = []
    for index in 0..<40 {
      var event = Fixtures.event(index)
      if index % 3 == 1 {
        event.actor = String(repeating: "staff-", count: 400 * (index + 1))
      }
      entries.append(AuditChain.append(event, after: entries.last?.head))
    }
    let log = AuditLog(entries: entries, checkpoints: [])
    let intact = await log.verifyInBatches(of: 17, chunkSize: chunkSize)
    #expect(intact.intact)
    intact.expectSame(as: log.verify(), "intact, chunks of \(chunkSize)")
    let changed = Mutation.changeField(index: 34, field: .actor).apply(to: log)
    let report = await changed.verifyInBatches(of: 17, chunkSize: chunkSize)
    #expect(report.problem?.sequence == 35)
    report.expectSame(as: changed.verify(), "entry 35 changed, chunks of \(chunkSize)")
  }
}
