import Foundation
import GRDB
import SamhandAudit
import SamhandCore
import SamhandStore
import Testing

@Suite("Audit log in the store")
struct AuditLogTests {
  @Test("appended entries verify, with a checkpoint every interval")
  func appendAndVerify() throws {
    let fixture = try StoreFixture(checkpointInterval: 10)
    try fixture.store.write { transaction in
      for index in 0..<35 { try transaction.appendAudit(fixture.event(index)) }
    }
    let report = try verify(fixture)
    #expect(report.intact)
    #expect(report.entriesChecked == 36)
    let counts = try fixture.store.read { try $0.counts() }
    // init writes entry 1 with its own checkpoint; 10, 20, 30 follow from the interval.
    #expect(counts.auditCheckpoints == 4)
    #expect(try fixture.store.read { try $0.lastCheckpoint() }?.sequence == 30)
  }

  @Test("SQL cannot update or delete audit entries or checkpoints")
  func triggersRefuseChange() throws {
    let fixture = try StoreFixture()
    let queue = try DatabaseQueue(path: fixture.directory.databaseURL.path)
    for sql in [
      "UPDATE audit_entries SET actor = 'someone-else'", "DELETE FROM audit_entries",
      "UPDATE audit_checkpoints SET time_ms = 0", "DELETE FROM audit_checkpoints",
    ] {
      #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: sql) } }
    }
    #expect(try verify(fixture).intact)
  }

  @Test("a failed audit append rolls back the data change (fail closed)")
  func failClosed() throws {
    let fixture = try StoreFixture()
    try fixture.addRecipients(1)
    let queue = try DatabaseQueue(path: fixture.directory.databaseURL.path)
    try queue.write {
      try $0.execute(
        sql: """
          CREATE TRIGGER inject_audit_failure BEFORE INSERT ON audit_entries
          BEGIN SELECT RAISE(ABORT, 'injected failure'); END
          """)
    }
    let before = try fixture.store.read { try $0.counts() }
    #expect(throws: StoreError.self) {
      try fixture.store.write { transaction in
        try transaction.insertRecipient(
          NewRecipient(
            name: "Rolled Back",
            nationalID: try #require(
              NationalID.synthetic(year: 1999, month: 9, day: 9, individual: 9)),
            registeredBy: StoreFixture.nav))
        try transaction.appendAudit(fixture.event(1))
      }
    }
    #expect(try fixture.store.read { try $0.counts() } == before)
  }

  private func verify(_ fixture: StoreFixture) throws -> AuditVerificationReport {
    let ring = fixture.store.keyRing
    return try AuditLogVerification.verify(
      databaseAt: fixture.directory.databaseURL,
      publicKeys: [ring.auditKeyID: ring.auditPublicKey])
  }
}
