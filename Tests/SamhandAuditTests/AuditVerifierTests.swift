import Crypto
import Foundation
import SamhandAudit
import Testing

@Suite("Verifier")
struct AuditVerifierTests {
  static let log = try? Fixtures.log(count: 2_000, checkpointEvery: 100)

  @Test("an intact log of 2,000 entries with 20 checkpoints reports intact, its head and counts")
  func intactLog() throws {
    let log = try #require(Self.log)
    let report = log.verify()
    #expect(report.intact)
    #expect(report.problem == nil)
    #expect(report.entriesChecked == 2_000)
    #expect(report.checkpointsChecked == 20)
    #expect(report.head == log.entries.last?.head)
    #expect(report.head?.sequence == 2_000)
  }

  @Test("an empty log is intact and has no head")
  func emptyLog() {
    let report = AuditLog(entries: [], checkpoints: []).verify()
    #expect(report.intact)
    #expect(report.head == nil)
    #expect(report.entriesChecked == 0)
  }

  @Test("an emptied log with a checkpoint is reported truncated")
  func emptiedLog() throws {
    let log = try #require(Self.log)
    let report = AuditLog(entries: [], checkpoints: log.checkpoints).verify()
    #expect(report.problem?.kind == .truncated)
    #expect(report.problem?.sequence == 1)
  }

  @Test("entries removed after the last checkpoint cannot be detected: the documented limit")
  func tailAfterLastCheckpointIsInvisible() throws {
    var log = try Fixtures.log(count: 150, checkpointEvery: 100)
    log.entries.removeLast(30)
    let report = log.verify()
    #expect(report.intact)
    #expect(report.head?.sequence == 120)
    #expect(report.checkpointsChecked == 1)
  }

  @Test("a deleted checkpoint leaves an intact chain intact")
  func deletedCheckpoint() throws {
    var log = try #require(Self.log)
    log.checkpoints.remove(at: 7)
    let report = log.verify()
    #expect(report.intact)
    #expect(report.checkpointsChecked == 19)
  }

  @Test("checkpoints given in any order are matched by sequence")
  func checkpointOrderDoesNotMatter() throws {
    var log = try #require(Self.log)
    log.checkpoints.reverse()
    #expect(log.verify().intact)
  }

  @Test("checkpoints signed with an old and a new key both verify when both keys are given")
  func keyRotation() throws {
    var log = try #require(Self.log)
    let newKey = Fixtures.fixedKey(seedByte: 9)
    let head = log.entries[1_499].head
    log.checkpoints.append(
      try AuditCheckpoint.sign(head: head, timeMillis: 5, keyID: "audit-2", key: newKey))
    var keys = Fixtures.publicKeys
    #expect(log.verify(publicKeys: keys).problem?.kind == .badCheckpoint)
    keys["audit-2"] = newKey.publicKey
    let report = log.verify(publicKeys: keys)
    #expect(report.intact)
    #expect(report.checkpointsChecked == 21)
  }

  @Test("without the public key, checkpoints cannot vouch for anything")
  func unknownKey() throws {
    let log = try #require(Self.log)
    let report = log.verify(publicKeys: [:])
    #expect(report.problem?.kind == .badCheckpoint)
    #expect(report.problem?.sequence == 100)
    #expect(report.problem?.detail.contains("audit-1") == true)
  }

  @Test("an undecodable row is reported as such, at its sequence")
  func undecodableRow() throws {
    let log = try #require(Self.log)
    var verifier = AuditVerifier(checkpoints: log.checkpoints, publicKeys: Fixtures.publicKeys)
    for entry in log.entries.prefix(41) {
      verifier.feed(entry)
    }
    verifier.feedUndecodable(sequence: 42, reason: "decision 'maybe' is not a decision")
    for entry in log.entries.dropFirst(42) {
      verifier.feed(entry)
    }
    let report = verifier.finish()
    #expect(report.problem?.kind == .undecodable)
    #expect(report.problem?.sequence == 42)
    #expect(report.head?.sequence == 41)
    #expect(report.entriesChecked == 2_000)
  }

  @Test("with several problems the first is reported, and the head is the last good entry")
  func firstProblemWins() throws {
    var log = try #require(Self.log)
    for index in [1_200, 349] {
      var event = log.entries[index].event
      event.purpose = "curiosity"
      log.entries[index] = AuditEntry(
        sequence: Int64(index + 1), event: event, hash: log.entries[index].hash)
    }
    let report = log.verify()
    #expect(report.problem?.kind == .changed)
    #expect(report.problem?.sequence == 350)
    #expect(report.head == log.entries[348].head)
    #expect(report.checkpointsChecked == 3)
  }

  @Test("a stored hash of the wrong length is a change, not a crash")
  func shortStoredHash() throws {
    var log = try #require(Self.log)
    let entry = log.entries[10]
    log.entries[10] = AuditEntry(sequence: entry.sequence, event: entry.event, hash: Data([1, 2]))
    #expect(log.verify().problem?.kind == .changed)
  }

  @Test("the JSON report carries the head hash as hex and decodes back")
  func reportJSON() throws {
    let log = try #require(Self.log)
    let report = log.verify()
    let json = try JSONEncoder().encode(report)
    let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
    let head = try #require(object["head"] as? [String: Any])
    let hex = try #require(head["hash"] as? String)
    #expect(hex.count == 64)
    #expect(hex == log.entries[1_999].hash.map { String(format: "%02x", $0) }.joined())
    #expect(try JSONDecoder().decode(AuditVerificationReport.self, from: json) == report)
  }

  @Test("a head whose hash is not hex is refused when decoding")
  func badHexIsRefused() {
    let json = Data(#"{"sequence": 1, "hash": "zz"}"#.utf8)
    #expect(throws: DecodingError.self) { try JSONDecoder().decode(AuditHead.self, from: json) }
  }
}
