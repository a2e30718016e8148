import Crypto
import Foundation
import SamhandAudit
import Testing

/// The encoder copies fields of different lengths in different ways (word pieces, overlapping
/// words, memory copies); every length must come out byte for byte as the format says.
@Suite("Canonical encoding of fields of every length")
struct AuditEncodingLengthTests {
  static let lengths = Array(0...40) + [63, 64, 65, 255, 300]

  /// `count` UTF-8 bytes whose value depends on the position, so a misplaced byte shows.
  private static func text(bytes count: Int, multiByte: Bool) -> String {
    guard multiByte, count >= 2 else {
      return String(decoding: (0..<count).map { UInt8(0x41 + $0 % 26) }, as: UTF8.self)
    }
    return String(repeating: "ø", count: count / 2) + (count % 2 == 1 ? "x" : "")
  }

  /// The format written out the slow, obvious way.
  private static func reference(sequence: Int64, event: AuditEvent) -> [UInt8] {
    func bigEndian<Value: FixedWidthInteger>(_ value: Value) -> [UInt8] {
      withUnsafeBytes(of: value.bigEndian) { Array($0) }
    }
    func field(_ text: String) -> [UInt8] { bigEndian(UInt32(text.utf8.count)) + Array(text.utf8) }
    func optional(_ text: String?) -> [UInt8] { text.map { [1] + field($0) } ?? [0] }
    var bytes = event.encodingVersion.tag + bigEndian(sequence) + bigEndian(event.timeMillis)
    bytes += field(event.actor) + optional(event.actorService) + field(event.action)
    bytes += field(event.resourceType) + optional(event.resourceID) + optional(event.recipientID)
    bytes += field(event.decision.rawValue) + bigEndian(UInt32(event.policyIDs.count))
    bytes += event.policyIDs.flatMap(field) + optional(event.purpose)
    bytes += [event.breakGlass ? 1 : 0] + field(event.requestID) + field(event.channel.rawValue)
    bytes += field(event.outcome.rawValue)
    guard event.encodingVersion == .v2 else { return bytes }
    return bytes + optional(event.osUser) + optional(event.policyDigest)
  }

  @Test("every field length encodes exactly as the format says", arguments: [false, true])
  func everyLengthMatchesReference(multiByte: Bool) {
    for length in Self.lengths {
      var event = Fixtures.event(3)
      let text = Self.text(bytes: length, multiByte: multiByte)
      #expect(text.utf8.count == length)
      event.actor = text
      event.purpose = text
      event.requestID = text + "-"
      event.policyIDs = [text, "p"]
      event.osUser = text
      event.policyDigest = "d" + text
      let expected = Self.reference(sequence: 7, event: event)
      #expect(
        AuditChain.canonicalEncoding(sequence: 7, event: event) == expected,
        "field of \(length) bytes, multi-byte: \(multiByte)")
      var buffer = Array(repeating: UInt8(0xAA), count: 1_000)
      let previous = Data((0..<32).map { UInt8(255 - $0) })
      #expect(
        AuditChain.hash(previous: previous, sequence: 7, event: event, buffer: &buffer)
          == Data(SHA256.hash(data: Array(previous) + expected)))
    }
  }

  @Test("the verifier accepts a chain of such events and rejects one changed hash byte")
  func verifierAgreesAtEveryLength() {
    var entries: [AuditEntry] = []
    for (index, length) in Self.lengths.enumerated() {
      var event = Fixtures.event(index)
      event.requestID = Self.text(bytes: length, multiByte: index % 2 == 0)
      entries.append(AuditChain.append(event, after: entries.last?.head))
    }
    var intact = AuditVerifier(checkpoints: [], publicKeys: [:])
    entries.forEach { intact.feed($0) }
    #expect(intact.finish().intact)
    var hash = entries[10].hash
    hash[31] ^= 1
    entries[10] = AuditEntry(sequence: 11, event: entries[10].event, hash: hash)
    var broken = AuditVerifier(checkpoints: [], publicKeys: [:])
    entries.forEach { broken.feed($0) }
    let report = broken.finish()
    #expect(!report.intact)
    #expect(report.problem?.sequence == 11)
  }
}
