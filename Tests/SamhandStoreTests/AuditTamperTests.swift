import Foundation
import GRDB
import SamhandAudit
import SamhandCore
import SamhandTestSupport
import Testing

@testable import SamhandStore

/// Random single mutations of a stored log, each tried inside a transaction that is rolled
/// back, so one log of 2000+ entries serves a thousand attacks.
@Suite("Audit tamper detection on the database")
struct AuditTamperTests {
  static let seed: UInt64 = 0x5A4D_4841_4E44
  static let mutationCount = 1000

  @Test("1000 random single mutations of a 2000-entry log are each detected")
  func randomMutationsAreDetected() throws {
    let fixture = try StoreFixture(checkpointInterval: 100)
    try fixture.store.write { transaction in
      for index in 0..<2000 { try transaction.appendAudit(fixture.event(index)) }
      try transaction.writeCheckpoint()
    }
    let ring = fixture.store.keyRing
    let keys = [ring.auditKeyID: ring.auditPublicKey]
    let queue = try DatabaseQueue(path: fixture.directory.databaseURL.path)
    try queue.write { db in
      for trigger in [
        "audit_entries_refuse_update", "audit_entries_refuse_delete",
        "audit_checkpoints_refuse_update", "audit_checkpoints_refuse_delete",
      ] {
        try db.execute(sql: "DROP TRIGGER \(trigger)")
      }
    }
    var random = SplitMix64(seed: Self.seed)
    var kinds: [String: Int] = [:]
    try queue.inDatabase { db in
      let intact = try AuditLogVerification.verify(db, publicKeys: keys, progress: nil)
      try #require(intact.intact, "the untouched log must verify")
      let last = try Int64.fetchOne(db, sql: "SELECT MAX(sequence) FROM audit_entries") ?? 0
      for round in 0..<Self.mutationCount {
        try db.execute(sql: "BEGIN")
        let mutation = try Mutation.random(using: &random, last: last, db: db)
        try mutation.apply(db)
        let report = try AuditLogVerification.verify(db, publicKeys: keys, progress: nil)
        try db.execute(sql: "ROLLBACK")
        kinds[mutation.label, default: 0] += 1
        #expect(
          !report.intact,
          "undetected: round \(round), \(mutation) (seed \(Self.seed))")
        if let expected = mutation.expectedKinds, let problem = report.problem {
          #expect(expected.contains(problem.kind), "round \(round), \(mutation): \(problem)")
        }
      }
      #expect(try AuditLogVerification.verify(db, publicKeys: keys, progress: nil).intact)
    }
    #expect(kinds.count == Mutation.labels.count, "every kind of mutation was tried: \(kinds)")
  }
}

/// One way an attacker with write access to the file could change the log.
private enum Mutation: CustomStringConvertible {
  case changeEntry(sequence: Int64, column: String, value: DatabaseValue)
  case deleteEntry(sequence: Int64)
  case insertForged(at: Int64, previousHash: Data)
  case swapContents(Int64, Int64)
  case truncate(after: Int64)
  case changeCheckpoint(sequence: Int64, column: String, value: DatabaseValue)
  case forgeCheckpoint(sequence: Int64)

  static let labels = ["change", "delete", "insert", "swap", "truncate", "checkpoint", "forge"]
  static let entryColumns = [
    "sequence", "time_ms", "actor", "actor_service", "action", "resource_type", "resource_id",
    "recipient_id", "decision", "policy_ids", "purpose", "break_glass", "request_id", "channel",
    "outcome", "hash",
  ]
  static let checkpointColumns = ["sequence", "head_hash", "time_ms", "key_id", "signature"]

  var label: String {
    switch self {
    case .changeEntry: return "change"
    case .deleteEntry: return "delete"
    case .insertForged: return "insert"
    case .swapContents: return "swap"
    case .truncate: return "truncate"
    case .changeCheckpoint: return "checkpoint"
    case .forgeCheckpoint: return "forge"
    }
  }

  var description: String {
    switch self {
    case .changeEntry(let sequence, let column, let value):
      return "change entry #\(sequence) \(column) to \(value)"
    case .deleteEntry(let sequence): return "delete entry #\(sequence)"
    case .insertForged(let at, _): return "insert a forged entry at #\(at)"
    case .swapContents(let first, let second): return "swap entries #\(first) and #\(second)"
    case .truncate(let after): return "truncate after #\(after)"
    case .changeCheckpoint(let sequence, let column, let value):
      return "change checkpoint #\(sequence) \(column) to \(value)"
    case .forgeCheckpoint(let sequence): return "forge a checkpoint at #\(sequence)"
    }
  }

  /// The labels the verifier may give for the unambiguous cases.
  var expectedKinds: Set<AuditProblemKind>? {
    switch self {
    case .deleteEntry: return [.missing]
    case .changeEntry(_, let column, _) where column == "sequence": return [.missing, .reordered]
    case .changeEntry(_, let column, _) where column == "hash": return [.changed]
    case .truncate: return [.truncated]
    case .forgeCheckpoint: return [.badCheckpoint]
    default: return nil
    }
  }

  static func random(using random: inout SplitMix64, last: Int64, db: Database) throws -> Mutation {
    let sequence = Int64(random.next(upTo: UInt64(last))) + 1
    switch random.next(upTo: 7) {
    case 0:
      let column = entryColumns[Int(random.next(upTo: UInt64(entryColumns.count)))]
      let current =
        try DatabaseValue.fetchOne(
          db, sql: "SELECT \(column) FROM audit_entries WHERE sequence = ?", arguments: [sequence])
        ?? .null
      return .changeEntry(
        sequence: sequence, column: column,
        value: column == "sequence"
          ? (last + 1_000 + sequence).databaseValue : altered(current, using: &random))
    case 1:
      return .deleteEntry(sequence: min(sequence, last - 1))
    case 2:
      let at = max(2, sequence)
      let previous = try Data.fetchOne(
        db, sql: "SELECT hash FROM audit_entries WHERE sequence = ?", arguments: [at - 1])
      return .insertForged(at: at, previousHash: previous ?? Data())
    case 3:
      let other = (sequence + Int64(random.next(upTo: UInt64(last - 1)))) % last + 1
      return .swapContents(sequence, other == sequence ? sequence % last + 1 : other)
    case 4:
      return .truncate(after: sequence - 1)
    case 5:
      let checkpoints = try Int64.fetchAll(db, sql: "SELECT sequence FROM audit_checkpoints")
      let checkpoint = checkpoints[Int(random.next(upTo: UInt64(checkpoints.count)))]
      let column = checkpointColumns[Int(random.next(upTo: UInt64(checkpointColumns.count)))]
      let current =
        try DatabaseValue.fetchOne(
          db, sql: "SELECT \(column) FROM audit_checkpoints WHERE sequence = ?",
          arguments: [checkpoint]) ?? .null
      let moved = checkpoints.contains(checkpoint - 1) ? checkpoint + 7 : checkpoint - 1
      let value: DatabaseValue =
        column == "sequence" ? moved.databaseValue : altered(current, using: &random)
      return .changeCheckpoint(sequence: checkpoint, column: column, value: value)
    default:
      let existing = Set(try Int64.fetchAll(db, sql: "SELECT sequence FROM audit_checkpoints"))
      var target = sequence
      while existing.contains(target) { target = target % last + 1 }
      return .forgeCheckpoint(sequence: target)
    }
  }

  /// The same storage class with one byte, digit or flag changed.
  static func altered(_ value: DatabaseValue, using random: inout SplitMix64) -> DatabaseValue {
    switch value.storage {
    case .null: return "x".databaseValue
    case .int64(let number): return (number == 0 ? 1 : number == 1 ? 0 : number + 1).databaseValue
    case .double(let number): return (number + 1).databaseValue
    case .string(let text):
      guard !text.isEmpty else { return "x".databaseValue }
      var bytes = Array(text.utf8)
      let index = Int(random.next(upTo: UInt64(bytes.count)))
      bytes[index] = bytes[index] == 0x41 ? 0x42 : 0x41
      return String(decoding: bytes, as: UTF8.self).databaseValue
    case .blob(let data):
      guard !data.isEmpty else { return Data([1]).databaseValue }
      var bytes = [UInt8](data)
      let index = Int(random.next(upTo: UInt64(bytes.count)))
      bytes[index] ^= UInt8(1 << random.next(upTo: 8))
      return Data(bytes).databaseValue
    }
  }

  func apply(_ db: Database) throws {
    switch self {
    case .changeEntry(let sequence, let column, let value):
      try db.execute(
        sql: "UPDATE audit_entries SET \(column) = ? WHERE sequence = ?",
        arguments: [value, sequence])
    case .deleteEntry(let sequence):
      try db.execute(sql: "DELETE FROM audit_entries WHERE sequence = ?", arguments: [sequence])
    case .insertForged(let at, let previousHash):
      try db.execute(
        sql: "UPDATE audit_entries SET sequence = -(sequence + 1) WHERE sequence >= ?",
        arguments: [at])
      try db.execute(sql: "UPDATE audit_entries SET sequence = -sequence WHERE sequence < 0")
      let event = AuditEvent(
        timeMillis: 1_790_000_000_000, actor: "forger", actorService: "nav",
        action: "recipient.read", resourceType: "recipient", resourceID: nil, recipientID: nil,
        decision: .allow, policyIDs: ["forged"], purpose: nil, breakGlass: false,
        requestID: "forged", channel: .http, outcome: .success)
      let entry = AuditChain.append(event, after: AuditHead(sequence: at - 1, hash: previousHash))
      try AuditRow.insert(entry, into: GRDBConnection(db: db))
    case .swapContents(let first, let second):
      let columns = Self.entryColumns.dropFirst().joined(separator: ", ")
      let assignments = Self.entryColumns.dropFirst().map { "\($0) = swap.\($0)" }
        .joined(separator: ", ")
      try db.execute(sql: "CREATE TEMP TABLE swap AS SELECT \(columns) FROM audit_entries WHERE 0")
      try db.execute(
        sql: "INSERT INTO swap SELECT \(columns) FROM audit_entries WHERE sequence = ?",
        arguments: [second])
      try db.execute(
        sql: """
          UPDATE audit_entries SET (\(columns)) = (SELECT \(columns) FROM audit_entries
          WHERE sequence = ?) WHERE sequence = ?
          """, arguments: [first, second])
      try db.execute(
        sql: "UPDATE audit_entries SET \(assignments) FROM swap WHERE sequence = ?",
        arguments: [first])
      try db.execute(sql: "DROP TABLE swap")
    case .truncate(let after):
      try db.execute(sql: "DELETE FROM audit_entries WHERE sequence > ?", arguments: [after])
    case .changeCheckpoint(let sequence, let column, let value):
      try db.execute(
        sql: "UPDATE audit_checkpoints SET \(column) = ? WHERE sequence = ?",
        arguments: [value, sequence])
    case .forgeCheckpoint(let sequence):
      try db.execute(
        sql: """
          INSERT INTO audit_checkpoints (sequence, head_hash, time_ms, key_id, signature)
          SELECT sequence, hash, 1790000000000, (SELECT key_id FROM audit_checkpoints LIMIT 1),
            zeroblob(64) FROM audit_entries WHERE sequence = ?
          """, arguments: [sequence])
    }
  }
}
