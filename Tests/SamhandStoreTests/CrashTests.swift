import Foundation
import SamhandAudit
import SamhandStore
import SamhandTestSupport
import Testing

@Suite("Crash safety")
struct CrashTests {
  static let rounds = 20

  @Test("SIGKILL during appends: the chain verifies and every reported commit is present")
  func killDuringAppends() throws {
    let fixture = try StoreFixture()
    let probe = BuildProducts.executable("samhand-crash-probe")
    try #require(FileManager.default.isExecutableFile(atPath: probe.path), "\(probe.path)")
    var reported: Set<Int64> = []
    for round in 0..<Self.rounds {
      let process = Process()
      process.executableURL = probe
      process.arguments = [fixture.directory.url.path]
      let output = Pipe()
      process.standardOutput = output
      process.standardError = FileHandle.nullDevice
      try process.run()
      var buffer = Data()
      // Let it commit a varying number of entries, then kill it mid-stream.
      let wanted = 5 + round * 3
      while buffer.filter({ $0 == 0x0A }).count < wanted {
        let chunk = output.fileHandleForReading.availableData
        if chunk.isEmpty { break }
        buffer.append(chunk)
      }
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      buffer.append((try? output.fileHandleForReading.readToEnd()) ?? Data())
      #expect(process.terminationReason == .uncaughtSignal, "round \(round)")
      let lines = String(decoding: buffer, as: UTF8.self).split(
        separator: "\n", omittingEmptySubsequences: false)
      // Only whole lines count as reported; the last piece may be cut off by the kill.
      reported.formUnion(lines.dropLast().compactMap { Int64($0) })
      let reopened = try fixture.directory.open().store
      let present = try reopened.read { try $0.auditHead() }?.sequence ?? 0
      #expect((reported.max() ?? 0) <= present, "round \(round): a reported commit is missing")
    }
    #expect(reported.count >= Self.rounds * 5)
    let ring = fixture.store.keyRing
    let report = try AuditLogVerification.verify(
      databaseAt: fixture.directory.databaseURL,
      publicKeys: [ring.auditKeyID: ring.auditPublicKey])
    #expect(report.intact, "\(String(describing: report.problem))")
    let head = try #require(report.head)
    #expect(reported.allSatisfy { $0 <= head.sequence })
    #expect(Int64(report.entriesChecked) == head.sequence)
  }
}
