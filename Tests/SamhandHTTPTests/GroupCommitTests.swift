import Foundation
import SamhandAudit
import SamhandStore
import Testing

@testable import SamhandService

/// The group committer under the gate: operations that queue while a commit runs share the
/// next transaction, each in its own savepoint, and each caller returns only after its commit.
@Suite("Group commit")
struct GroupCommitTests {
  struct Refused: Error {}

  @Test(
    "operations that queue during a commit share one transaction, and a failing one rolls back alone"
  )
  func batches() throws {
    let fixture = try HTTPFixture()
    let service = fixture.service
    let before = try service.status().counts.auditEntries
    let threads = ThreadLedger()
    let outcomes = ThreadLedger()
    let group = DispatchGroup()
    let leaderInside = DispatchSemaphore(value: 0)
    @Sendable func operation(_ index: Int) {
      do {
        try service.committer.write(service.store) { transaction in
          threads.add("\(pthread_self())")
          if index == 0 {
            leaderInside.signal()
            for _ in 0..<10_000 where service.committer.waiting < 15 { usleep(1000) }
          }
          try transaction.appendAudit(
            AuditActor.operator(osUser: "test").event(
              action: "test.batch", resourceType: "test", resourceID: "\(index)", at: Date()))
          if index == 7 { throw Refused() }
        }
        outcomes.add("ok-\(index)")
      } catch {
        outcomes.add("refused-\(index)")
      }
    }
    group.enter()
    Thread {
      operation(0); group.leave()
    }.start()
    leaderInside.wait()
    for index in 1..<16 {
      group.enter()
      Thread {
        operation(index); group.leave()
      }.start()
    }
    group.wait()
    #expect(threads.all.count == 2)
    #expect(outcomes.all.contains("refused-7"))
    #expect(outcomes.all.count == 16)
    #expect(try service.status().counts.auditEntries == before + 15)
    let report = try SamhandService.verifyAuditLog(dataDirectory: service.dataDirectory)
    #expect(report.intact)
  }
}

/// Strings collected from several threads.
final class ThreadLedger: @unchecked Sendable {
  // @unchecked: every access holds `lock`.
  private let lock = NSLock()
  private var items: Set<String> = []

  func add(_ item: String) { lock.withLock { _ = items.insert(item) } }
  var all: Set<String> { lock.withLock { items } }
}
