import Foundation
import SamhandCore
import SamhandService
import Testing

/// Reads that leave their audit entry to the caller (the HTTP server) write nothing until the
/// caller commits, and the commit makes every entry durable, allowed or denied, however many
/// callers await at once.
@Suite("Reads with a deferred audit entry")
struct DeferredAuditTests {
  let coordinator = ServiceFixture.actor("phr.coordinator")
  let navCaseworker = ServiceFixture.actor("nav.caseworker")

  @Test("the entry is written by the commit, not by the read, for an allow and for a denial")
  func entryWrittenByCommit() async throws {
    let fixture = try ServiceFixture()
    let before = try fixture.auditCount()
    let deferred = DeferredAudit()
    let options = RequestOptions.followUp.deferringAudit(to: deferred)
    _ = try fixture.service.showRecipient(fixture.recipient, as: coordinator, options: options)
    #expect(throws: ServiceError.notFound(kind: "recipient", id: fixture.recipient.rawValue)) {
      try fixture.service.showRecipient(fixture.recipient, as: navCaseworker, options: options)
    }
    #expect(try fixture.auditCount() == before)
    try await fixture.service.commit(deferred)
    #expect(try fixture.auditCount() == before + 2)
    #expect(try fixture.lastEntry(action: "recipient.show")?.decision == "deny")
    try await fixture.service.commit(deferred)
    #expect(try fixture.auditCount() == before + 2)
  }

  @Test("many reads awaiting their commits at once are all in an intact log")
  func concurrentCommits() async throws {
    let fixture = try ServiceFixture()
    let before = try fixture.auditCount()
    let (service, recipient, reader) = (fixture.service, fixture.recipient, coordinator)
    try await withThrowingTaskGroup(of: Void.self) { group in
      for _ in 0..<200 {
        group.addTask {
          let deferred = DeferredAudit()
          _ = try service.showRecipient(
            recipient, as: reader, options: RequestOptions.followUp.deferringAudit(to: deferred))
          try await service.commit(deferred)
        }
      }
      try await group.waitForAll()
    }
    #expect(try fixture.auditCount() == before + 200)
    #expect(try SamhandService.verifyAuditLog(dataDirectory: service.dataDirectory).intact)
  }
}
