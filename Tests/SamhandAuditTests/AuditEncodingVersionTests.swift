import Foundation
import SamhandAudit
import Testing

/// Entries written before the OS user and the policy digest were recorded keep their
/// version-1 bytes and hashes; later ones are version 2. One log holds both.
@Suite("Audit entries of both encoding versions in one log")
struct AuditEncodingVersionTests {
  /// 40 version-1 entries (as an older release wrote them), then 40 of version 2.
  static func mixedLog() throws -> AuditLog {
    var entries: [AuditEntry] = []
    for index in 0..<80 {
      var event = Fixtures.event(index)
      if index < 40 {
        event.encodingVersion = .v1
        event.osUser = nil
        event.policyDigest = nil
      }
      entries.append(AuditChain.append(event, after: entries.last?.head))
    }
    let head = try #require(entries.last).head
    let checkpoint = try AuditCheckpoint.sign(
      head: head, timeMillis: 1_800_000_000_000, keyID: Fixtures.keyID, key: Fixtures.signingKey)
    return AuditLog(entries: entries, checkpoints: [checkpoint])
  }

  @Test("a log of version-1 entries followed by version-2 entries verifies")
  func mixedLogVerifies() throws {
    let log = try Self.mixedLog()
    #expect(log.entries.first?.event.encodingVersion == .v1)
    #expect(log.entries.last?.event.encodingVersion == .v2)
    #expect(log.verify().intact)
  }

  @Test(
    "changing a version-2 field of an entry is detected at that entry",
    arguments: [EventField.osUser, .policyDigest])
  func versionTwoFieldsAreCovered(field: EventField) throws {
    let log = try Self.mixedLog()
    for index in [40, 57, 79] {
      var tampered = log
      let entry = tampered.entries[index]
      var event = entry.event
      field.alter(&event)
      tampered.entries[index] = AuditEntry(sequence: entry.sequence, event: event, hash: entry.hash)
      let report = tampered.verify()
      #expect(!report.intact, "\(field) of entry \(entry.sequence)")
      #expect(report.problem?.sequence == entry.sequence)
    }
  }

  @Test("moving an entry to the other version is detected")
  func versionIsCovered() throws {
    let log = try Self.mixedLog()
    for (index, version) in [(10, AuditEncodingVersion.v2), (60, .v1)] {
      var tampered = log
      let entry = tampered.entries[index]
      var event = entry.event
      event.encodingVersion = version
      tampered.entries[index] = AuditEntry(sequence: entry.sequence, event: event, hash: entry.hash)
      #expect(!tampered.verify().intact, "entry \(entry.sequence) as \(version)")
    }
  }
}
