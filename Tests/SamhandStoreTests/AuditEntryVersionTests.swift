import Foundation
import GRDB
import SamhandAudit
import SamhandTestSupport
import Testing

@testable import SamhandStore

/// Migration 0010: entries written before it keep their version-1 bytes and hashes; entries
/// after it are version 2 and cover the OS user and the policy digest.
@Suite("Audit entries across migration 0010")
struct AuditEntryVersionTests {
  static let oldColumns = """
    sequence, time_ms, actor, actor_service, action, resource_type, resource_id, recipient_id,
    decision, policy_ids, purpose, break_glass, request_id, channel, outcome, hash
    """

  static func event(_ index: Int) -> AuditEvent {
    AuditEvent(
      timeMillis: 1_790_000_000_000 + Int64(index), actor: "staff-\(index % 3)",
      actorService: "nav", action: "recipient.show", resourceType: "record",
      resourceID: "r-\(index)/identity", recipientID: "r-\(index)", decision: .allow,
      policyIDs: ["global-permit-care-team-records"], purpose: "follow-up",
      requestID: "req-\(index)", channel: .cli, outcome: .success)
  }

  /// A database as release 0009 left it, with five entries written as it wrote them, then
  /// migrated, then five entries written now.
  static func migratedLog() throws -> (TemporaryDirectory, DatabaseQueue) {
    let temporary = try TemporaryDirectory("samhand-v1")
    let queue = try DatabaseQueue(path: temporary.path("old.db").path)
    try queue.writeWithoutTransaction { db in
      for (index, migration) in embeddedMigrations.prefix(9).enumerated() {
        try db.execute(sql: migration.text)
        try db.execute(sql: "PRAGMA user_version = \(index + 1)")
      }
    }
    var head: AuditHead?
    try queue.write { db in
      for index in 0..<5 {
        var event = event(index)
        event.encodingVersion = .v1
        let entry = AuditChain.append(event, after: head)
        head = entry.head
        try db.execute(
          sql: "INSERT INTO audit_entries (\(oldColumns)) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
          arguments: [
            entry.sequence, event.timeMillis, event.actor, event.actorService, event.action,
            event.resourceType, event.resourceID, event.recipientID, event.decision.rawValue,
            event.policyIDs.joined(separator: "\u{1F}"), event.purpose, event.breakGlass,
            event.requestID, event.channel.rawValue, event.outcome.rawValue, entry.hash,
          ])
      }
    }
    try Migrations.apply(to: queue)
    try queue.write { db in
      for index in 5..<10 {
        var event = event(index)
        event.osUser = "kari"
        event.policyDigest = String(repeating: "ab", count: 32)
        let entry = AuditChain.append(event, after: head)
        head = entry.head
        try AuditRow.insert(entry, into: GRDBConnection(db: db))
      }
      for trigger in ["audit_entries_refuse_update", "audit_entries_refuse_delete"] {
        try db.execute(sql: "DROP TRIGGER \(trigger)")
      }
    }
    return (temporary, queue)
  }

  @Test("entries from before the migration, then new ones, verify as one log")
  func mixedLogVerifies() throws {
    let (temporary, queue) = try Self.migratedLog()
    defer { withExtendedLifetime(temporary) {} }
    try queue.read { db in
      let versions = try Int.fetchAll(
        db, sql: "SELECT encoding FROM audit_entries ORDER BY sequence")
      #expect(versions == [1, 1, 1, 1, 1, 2, 2, 2, 2, 2])
      let report = try AuditLogVerification.verify(db, publicKeys: [:], progress: nil)
      #expect(report.intact, "\(report)")
      #expect(report.entriesChecked == 10)
    }
  }

  @Test(
    "changing the OS user, the policy digest or the version of a stored entry is detected",
    arguments: [
      ("os_user", 7, "mallory"), ("os_user", 7, nil), ("policy_digest", 9, "00"),
      ("encoding", 8, "1"), ("encoding", 3, "2"), ("os_user", 2, "mallory"),
      ("policy_digest", 4, "ab"),
    ] as [(String, Int, String?)])
  func tamperingIsDetected(column: String, sequence: Int, value: String?) throws {
    let (temporary, queue) = try Self.migratedLog()
    defer { withExtendedLifetime(temporary) {} }
    try queue.write { db in
      let stored: DatabaseValue =
        column == "encoding" ? Int(value ?? "0")!.databaseValue : value.databaseValue
      try db.execute(
        sql: "UPDATE audit_entries SET \(column) = ? WHERE sequence = ?",
        arguments: [stored, sequence])
    }
    try queue.read { db in
      let report = try AuditLogVerification.verify(db, publicKeys: [:], progress: nil)
      #expect(!report.intact, "\(column) of #\(sequence)")
      #expect(report.problem?.sequence == Int64(sequence), "\(String(describing: report.problem))")
    }
  }
}
