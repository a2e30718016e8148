import Dispatch
import Foundation
import Logging
import SamhandAudit
import SamhandStore
import ServiceLifecycle
import Synchronization
import Testing

@testable import SamhandService

/// The committer and the audit appender as services of a server's group: however the group
/// stops (graceful shutdown, a failing listener, cancellation), every append awaited is
/// committed and the final checkpoint covers the last entry.
@Suite("Service lifecycle: drain and final checkpoint")
struct LifecycleTests {
  struct ListenerFailed: Error {}

  /// A listener that appends `count` entries, awaits them, then throws.
  struct FailingListener: Service {
    let service: SamhandService
    let count: Int

    func run() async throws {
      for index in 0..<count { try await service.auditAppender.append([event(index)]) }
      throw ListenerFailed()
    }
  }

  /// Set once from another thread.
  final class Flag: Sendable {
    private let raised = Mutex(false)
    func raise() { raised.withLock { $0 = true } }
    var isRaised: Bool { raised.withLock { $0 } }
  }

  static let logger = Logger(label: "samhand.test.lifecycle")

  static func event(_ index: Int) -> AuditEvent {
    AuditActor.operator(osUser: "test").event(
      action: "test.lifecycle", resourceType: "test", resourceID: "\(index)", at: Date())
  }

  /// The newest entry's sequence and the size of the newest signed checkpoint.
  func newest(_ service: SamhandService) throws -> (head: Int64, signed: Int64) {
    try service.store.read { transaction in
      let note = try #require(try transaction.latestSignedCheckpoint())
      return (
        try #require(try transaction.auditHead()).sequence,
        try TreeCheckpoint(text: note.text).size
      )
    }
  }

  /// Polls (without a deadline of its own) until `condition` holds.
  func until(_ condition: () -> Bool) async {
    while !condition() { await Task.yield() }
  }

  @Test("graceful shutdown commits the appends still queued, then signs the final checkpoint")
  func shutdownDrains() async throws {
    let fixture = try ServiceFixture()
    let service = fixture.service
    let before = try fixture.auditCount()
    let group = service.serviceGroup(listeners: [], signals: [], logger: Self.logger)
    let release = DispatchSemaphore(value: 0)
    let held = Flag()
    try await withThrowingTaskGroup(of: Void.self) { tasks in
      tasks.addTask { try await group.run() }
      await until { service.auditAppender.running }
      // A commit held open: the appender's first batch waits behind it, the rest in its queue.
      tasks.addTask {
        try await Blocking.run {
          _ = try service.committer.write(service.store) { _ in
            held.raise()
            release.wait()
          }
        }
      }
      await until { held.isRaised }
      for index in 0..<40 {
        tasks.addTask { try await service.auditAppender.append([Self.event(index)]) }
      }
      await until { service.auditAppender.waiting == 40 && service.committer.waiting == 1 }
      await group.triggerGracefulShutdown()
      release.signal()
      try await tasks.waitForAll()
    }
    #expect(try fixture.auditCount() == before + 40)
    let newest = try newest(service)
    #expect(newest.signed == newest.head)
    #expect(try SamhandService.verifyAuditLog(dataDirectory: service.dataDirectory).intact)
  }

  @Test("a listener that fails still leads to the final checkpoint, and the group rethrows")
  func failingListener() async throws {
    let fixture = try ServiceFixture()
    let service = fixture.service
    let before = try fixture.auditCount()
    let group = service.serviceGroup(
      listeners: [FailingListener(service: service, count: 5)], signals: [], logger: Self.logger)
    await #expect(throws: ListenerFailed.self) { try await group.run() }
    #expect(try fixture.auditCount() == before + 5)
    let newest = try newest(service)
    #expect(newest.signed == newest.head)
  }

  @Test("a cancelled group still signs the final checkpoint")
  func cancelled() async throws {
    let fixture = try ServiceFixture()
    let service = fixture.service
    let group = service.serviceGroup(listeners: [], signals: [], logger: Self.logger)
    let running = Task { try await group.run() }
    await until { service.auditAppender.running }
    try await service.auditAppender.append([Self.event(0)])
    running.cancel()
    try await running.value
    let newest = try newest(service)
    #expect(newest.signed == newest.head)
  }

  @Test("without a running group (the CLI) an append commits at once")
  func withoutGroup() async throws {
    let fixture = try ServiceFixture()
    let before = try fixture.auditCount()
    try await fixture.service.auditAppender.append([Self.event(0), Self.event(1)])
    #expect(try fixture.auditCount() == before + 2)
  }
}
