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

  @Test("entries appended together chain and checkpoint exactly as one at a time")
  func appendTogether() throws {
    let together = try StoreFixture(checkpointInterval: 10)
    let oneByOne = try StoreFixture(checkpointInterval: 10)
    let events = (0..<35).map { together.event($0) }
    try together.store.write { try $0.appendAudit(contentsOf: Array(events[..<12])) }
    try together.store.write { try $0.appendAudit(contentsOf: Array(events[12...])) }
    try oneByOne.store.write { transaction in
      for event in events { try transaction.appendAudit(event) }
    }
    #expect(try verify(together).intact)
    let heads = try [together, oneByOne].map { fixture in
      try fixture.store.read { (try $0.auditHead()?.sequence, try $0.lastCheckpoint()?.sequence) }
    }
    #expect(heads[0].0 == 36 && heads[0].1 == 30)
    #expect(heads[0].0 == heads[1].0 && heads[0].1 == heads[1].1)
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
