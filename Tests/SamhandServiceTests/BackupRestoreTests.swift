import Foundation
import SamhandCore
import SamhandService
import Testing

@Suite("Backup and restore")
struct BackupRestoreTests {
  @Test("a backup taken under write load restores every write acknowledged before it began")
  func roundTripUnderLoad() throws {
    let fixture = try ServiceFixture()
    let coordinator = ServiceFixture.actor("phr.coordinator")
    let nationalIDs = (0..<600).compactMap { index in
      NationalID.synthetic(
        year: 1970 + index % 30, month: 1 + index % 12, day: 1 + index % 28,
        individual: 400 + index)
    }
    let acknowledged = WriteLog()
    let firstWrites = DispatchSemaphore(value: 0)
    let writer = DispatchGroup()
    let live = fixture.service
    DispatchQueue.global().async(group: writer) {
      for (index, nationalID) in nationalIDs.enumerated() where !acknowledged.stopped {
        let name = "Fiktiv Last \(index)"
        guard
          let id = try? live.registerRecipient(
            name: name, nationalID: nationalID.digits, as: coordinator, options: .followUp)
        else { continue }
        acknowledged.append(id, name)
        if acknowledged.count == 20 { firstWrites.signal() }
      }
      if acknowledged.count < 20 { firstWrites.signal() }
    }
    firstWrites.wait()
    let beforeBackup = acknowledged.all
    let backup = fixture.temporary.path("samhand.backup")
    try fixture.service.backup(to: backup, by: ServiceFixture.osUser)
    acknowledged.stop()
    writer.wait()
    try #require(beforeBackup.count >= 20)

    let restored = fixture.temporary.path("restored")
    let report = try SamhandService.restore(
      from: backup, keys: fixture.service.dataDirectory.appending(path: "keys"), into: restored,
      by: ServiceFixture.osUser, clock: fixture.clock)
    #expect(report.data == restored.path)
    let service = try SamhandService.open(dataDirectory: restored, clock: fixture.clock)
    for (id, name) in beforeBackup + [(fixture.recipient, "Fiktiv Person")] {
      #expect(
        try service.showRecipient(id, as: coordinator, options: .followUp).name == .value(name),
        "\(id)")
    }
    let verification = try SamhandService.verifyAuditLog(dataDirectory: restored)
    #expect(verification.intact, "\(verification)")
  }

  @Test("a refused restore leaves no data directory and no half-made one")
  func refusalLeavesNothing() throws {
    let fixture = try ServiceFixture()
    let backup = fixture.temporary.path("samhand.backup")
    try fixture.service.backup(to: backup, by: ServiceFixture.osUser)
    let parent = fixture.temporary.path("restores")
    try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: false)
    let wrongKeys = try ServiceFixture().service.dataDirectory.appending(path: "keys")
    #expect(throws: (any Error).self) {
      try SamhandService.restore(
        from: backup, keys: wrongKeys, into: parent.appending(path: "data"),
        by: ServiceFixture.osUser)
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path).isEmpty)
  }
}

/// Recipients whose registration returned, in order, and whether the writer should stop;
/// shared between the writer and the test.
private final class WriteLog: @unchecked Sendable {
  private let lock = NSLock()
  private var entries: [(RecipientID, String)] = []
  private var stopRequested = false

  func append(_ id: RecipientID, _ name: String) { lock.withLock { entries.append((id, name)) } }
  func stop() { lock.withLock { stopRequested = true } }
  var all: [(RecipientID, String)] { lock.withLock { entries } }
  var count: Int { lock.withLock { entries.count } }
  var stopped: Bool { lock.withLock { stopRequested } }
}
