import Foundation
import SamhandAudit
import SamhandStore
import Testing

@testable import SamhandService

@Suite("Checkpoints a CLI command or a server's timer writes")
struct CheckpointIfBehindTests {
  func newest(_ fixture: ServiceFixture) throws -> (head: Int64, signed: Int64) {
    try fixture.service.store.read { transaction in
      let note = try #require(try transaction.latestSignedCheckpoint())
      return (
        try #require(try transaction.auditHead()).sequence,
        try TreeCheckpoint(text: note.text).size
      )
    }
  }

  @Test("entries past the newest checkpoint get one; with none unsigned nothing is written")
  func signsOnlyWhenBehind() throws {
    let fixture = try ServiceFixture()
    let before = try newest(fixture)
    #expect(before.signed < before.head)
    try fixture.service.checkpointIfBehind()
    let after = try newest(fixture)
    #expect(after.signed == after.head)
    let count = try AuditLogFile.signedCheckpoints(
      databaseAt: fixture.temporary.path("data").appending(path: "samhand.db")
    ).count
    try fixture.service.checkpointIfBehind()
    #expect(
      try AuditLogFile.signedCheckpoints(
        databaseAt: fixture.temporary.path("data").appending(path: "samhand.db")
      ).count == count)
  }
}
