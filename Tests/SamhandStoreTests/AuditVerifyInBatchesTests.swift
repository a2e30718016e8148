import Foundation
import GRDB
import SamhandAudit
import SamhandTestSupport
import Testing

@testable import SamhandStore

/// `samhand audit verify` reads the database on one thread and verifies batches on two cores;
/// its report must be the one the row-by-row verification gives, tampered log or not.
@Suite("Audit verification from the database in batches")
struct AuditVerifyInBatchesTests {
  static let seed: UInt64 = 0x5A4D_4841_4E44_BA7C

  /// SQL that damages the row with the given sequence: content, order, presence, decoding.
  static let damages = [
    "UPDATE audit_entries SET actor = actor || 'x' WHERE sequence = ?",
    "UPDATE audit_entries SET decision = 'bogus' WHERE sequence = ?",
    "DELETE FROM audit_entries WHERE sequence = ?",
    "UPDATE audit_entries SET hash = zeroblob(32) WHERE sequence = ?",
    "UPDATE audit_entries SET sequence = -sequence WHERE sequence = ?",
    "DELETE FROM audit_entries WHERE sequence >= ?",
    "UPDATE audit_checkpoints SET signature = zeroblob(64) WHERE sequence >= ?",
  ]

  @Test("damaged copies of a stored log report the same in batches as row by row")
  func sameReportAsRowByRow() async throws {
    let fixture = try StoreFixture(checkpointInterval: 100)
    try fixture.store.write { transaction in
      for index in 0..<1_200 { try transaction.appendAudit(fixture.event(index)) }
      try transaction.writeCheckpoint()
    }
    let ring = fixture.store.keyRing
    let keys = [ring.auditKeyID: ring.auditPublicKey]
    let original = try DatabaseQueue(path: fixture.directory.databaseURL.path)
    var random = SplitMix64(seed: Self.seed)
    for round in 0..<24 {
      let copy = fixture.temporary.path("copy-\(round).sqlite")
      try original.inDatabase { try $0.execute(sql: "VACUUM INTO ?", arguments: [copy.path]) }
      let damage = round == 0 ? nil : random.pick(Self.damages)
      let sequence = Int64(1 + random.below(1_200))
      if let damage {
        let queue = try DatabaseQueue(path: copy.path)
        try await queue.write { db in
          for trigger in ["audit_entries_refuse_update", "audit_entries_refuse_delete"] {
            try db.execute(sql: "DROP TRIGGER IF EXISTS \(trigger)")
          }
          try db.execute(sql: "DROP TRIGGER IF EXISTS audit_checkpoints_refuse_update")
          try db.execute(sql: damage, arguments: [sequence])
        }
      }
      let batchSize = 1 + random.below(500)
      let context: Comment = """
        seed \(Self.seed) round \(round), batches of \(batchSize): \
        \(damage ?? "intact") at \(sequence)
        """
      let rowByRow = try AuditLogVerification.verify(databaseAt: copy, publicKeys: keys)
      let batched = try await AuditLogVerification.verifyInBatches(
        databaseAt: copy, publicKeys: keys, progress: nil, batchSize: batchSize)
      #expect(rowByRow.intact == (damage == nil), context)
      #expect(batched == rowByRow, context)
      let sizes = Set(stride(from: Int64(1), through: 1_300, by: 37))
      let (withTree, tree) = try await AuditLogVerification.verifyInBatches(
        databaseAt: copy, publicKeys: keys, tree: MerkleRecomputation(rootsAt: sizes),
        progress: nil, batchSize: batchSize)
      let reference = try AuditLogFile.recomputedRoots(databaseAt: copy, at: sizes)
      #expect(withTree == rowByRow, context)
      #expect(tree?.entries == reference.entries, context)
      #expect(tree?.roots == reference.roots, context)
    }
  }

  @Test("one read gives the chain's report and the roots the stored tree signed")
  func treeFromTheSameRead() async throws {
    let fixture = try StoreFixture(checkpointInterval: 100)
    try fixture.store.write { transaction in
      for index in 0..<700 { try transaction.appendAudit(fixture.event(index)) }
    }
    let ring = fixture.store.keyRing
    let sizes: Set<Int64> = [1, 2, 3, 100, 255, 256, 257, 701, 702]
    let (report, tree) = try await AuditLogVerification.verifyInBatches(
      databaseAt: fixture.directory.databaseURL,
      publicKeys: [ring.auditKeyID: ring.auditPublicKey], rootsAt: sizes)
    #expect(report.intact)
    #expect(tree.entries == 701)
    #expect(tree.roots.keys.sorted() == [1, 2, 3, 100, 255, 256, 257, 701])
    for (size, root) in tree.roots {
      let stored = try fixture.store.read { try $0.auditConsistencyProof(from: size).oldRoot }
      #expect(root == stored, "size \(size)")
    }
  }

  @Test("progress reaches every row and the total once the log is read")
  func progressReachesTheTotal() async throws {
    let fixture = try StoreFixture()
    try fixture.store.write { transaction in
      for index in 0..<50 { try transaction.appendAudit(fixture.event(index)) }
    }
    let ring = fixture.store.keyRing
    let calls = ProgressCalls()
    let report = try await AuditLogVerification.verifyInBatches(
      databaseAt: fixture.directory.databaseURL,
      publicKeys: [ring.auditKeyID: ring.auditPublicKey],
      progress: { calls.record($0, $1) }, batchSize: 7)
    #expect(report.intact)
    let last = try #require(calls.all.last)
    #expect(last.read == report.entriesChecked)
    #expect(last.read == last.total)
  }
}

/// The (read, total) pairs a progress callback received.
private final class ProgressCalls {
  private(set) var all: [(read: Int64, total: Int64)] = []

  func record(_ read: Int64, _ total: Int64) { all.append((read, total)) }
}
