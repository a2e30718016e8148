import Foundation
import SamhandCore
import SamhandService
import Testing

/// Reads decide on their own snapshot outside the write transaction; only their audit entries
/// go through the group commit. Each read still answers only after its entry is stored, and a
/// read that starts after a change committed sees the change.
@Suite("Reads decided on a snapshot")
struct SnapshotReadTests {
  let navCaseworker = ServiceFixture.actor("nav.caseworker")
  let coordinator = ServiceFixture.actor("phr.coordinator")

  @Test("concurrent reads are each audited before they answer, and the log stays intact")
  func concurrentReadsAudited() throws {
    let fixture = try ServiceFixture()
    let before = try fixture.auditCount()
    let (service, recipient, reader) = (fixture.service, fixture.recipient, coordinator)
    let answered = Counter()
    DispatchQueue.concurrentPerform(iterations: 24) { _ in
      if (try? service.showRecipient(recipient, as: reader, options: .followUp)) != nil {
        answered.add()
      }
    }
    #expect(answered.value == 24)
    #expect(try fixture.auditCount() == before + 24)
    #expect(try SamhandService.verifyAuditLog(dataDirectory: fixture.service.dataDirectory).intact)
  }

  @Test("every read that starts after a consent withdrawal returned is denied, even under load")
  func withdrawalWinsOverLaterReads() throws {
    let fixture = try ServiceFixture()
    let consent = try fixture.consent(["nav"], [.identity])
    try fixture.service.assign(
      StaffID(rawValue: "nav.caseworker"), to: fixture.recipient, as: coordinator,
      options: .followUp)
    let (service, recipient, reader) = (fixture.service, fixture.recipient, navCaseworker)
    let withdrawn = Flag()
    let lateAllows = Counter()
    let group = DispatchGroup()
    for _ in 0..<8 {
      DispatchQueue.global().async(group: group) {
        for _ in 0..<20 {
          let startedAfterWithdrawal = withdrawn.isSet
          let allowed = try? service.showRecipient(recipient, as: reader, options: .followUp)
          if startedAfterWithdrawal, allowed != nil { lateAllows.add() }
        }
      }
    }
    try fixture.service.withdrawConsent(consent, as: coordinator, options: .followUp)
    withdrawn.set()
    group.wait()
    #expect(lateAllows.value == 0)
    #expect(throws: ServiceError.notFound(kind: "recipient", id: fixture.recipient.rawValue)) {
      try fixture.service.showRecipient(fixture.recipient, as: navCaseworker, options: .followUp)
    }
  }
}

/// A count shared by threads.
final class Counter: @unchecked Sendable {
  // @unchecked: `count` is only touched while `lock` is held.
  private let lock = NSLock()
  private var count = 0

  func add() { lock.withLock { count += 1 } }
  var value: Int { lock.withLock { count } }
}

/// A flag one thread sets and others read.
final class Flag: @unchecked Sendable {
  // @unchecked: `raised` is only touched while `lock` is held.
  private let lock = NSLock()
  private var raised = false

  func set() { lock.withLock { raised = true } }
  var isSet: Bool { lock.withLock { raised } }
}
