import Foundation
import SamhandAudit
import SamhandCore
import SamhandService
import Testing

/// A recipient's access-log extract proves each of its entries offline, and any change to an
/// entry, its proof or its checkpoint makes the check fail.
@Suite("Access-log extracts with inclusion proofs")
struct AccessLogExtractTests {
  let fixture: ServiceFixture
  let extract: AccessLogExtract
  let publicKey: URL

  init() throws {
    fixture = try ServiceFixture()
    _ = try fixture.service.showRecipient(
      fixture.recipient, as: ServiceFixture.actor("phr.caseworker"), options: .followUp)
    extract = try fixture.service.accessLogExtract(
      of: fixture.recipient, as: ServiceFixture.actor("phr.coordinator"), options: .followUp)
    publicKey = fixture.temporary.path("data").appending(path: "keys/audit-signing.pub")
  }

  func check(_ extract: AccessLogExtract) throws -> AccessLogExtractCheck {
    let encoder = JSONEncoder()
    encoder.dateEncodingStrategy = .iso8601
    return try SamhandService.checkAccessLogExtract(
      try encoder.encode(extract), publicKey: publicKey)
  }

  @Test("the extract lists the access log with proofs against one signed checkpoint")
  func intact() throws {
    let log = try fixture.service.accessLog(
      of: fixture.recipient, as: ServiceFixture.actor("phr.coordinator"), options: .followUp)
    #expect(extract.entries.count >= 2)
    #expect(
      extract.entries.map(\.staffId) == Array(log.prefix(extract.entries.count).map(\.staffID)))
    #expect(extract.entries.contains { $0.staffId == "phr.caseworker" })
    let result = try check(extract)
    #expect(result.intact, "\(result.problem ?? "")")
    #expect(result.signatureChecked)
    #expect(result.entries == extract.entries.count)
  }

  @Test(
    "a changed field, event, proof or checkpoint fails the check",
    arguments: ["staffId", "event", "inclusion", "sequence", "checkpoint", "recipient"])
  func tampered(part: String) throws {
    let encoder = JSONEncoder()
    encoder.dateEncodingStrategy = .iso8601
    var object =
      try JSONSerialization.jsonObject(with: try encoder.encode(extract)) as? [String: Any] ?? [:]
    var entries = object["entries"] as? [[String: Any]] ?? []
    var proof = entries[0]["proof"] as? [String: Any] ?? [:]
    var event = proof["event"] as? [String: Any] ?? [:]
    switch part {
    case "staffId": entries[0]["staffId"] = "someone.else"
    case "event": event["purpose"] = "nysgjerrig"
    case "inclusion":
      var inclusion = proof["inclusion"] as? [String] ?? []
      inclusion[0] = MerkleHash.empty.base64
      proof["inclusion"] = inclusion
    case "sequence": proof["sequence"] = (proof["sequence"] as? Int ?? 0) + 1
    case "checkpoint":
      let checkpoint = extract.checkpoint
      let root = String(checkpoint.split(separator: "\n")[2])
      object["checkpoint"] = checkpoint.replacingOccurrences(
        of: root, with: MerkleHash.empty.base64)
    default: object["recipientId"] = "r-00000000-0000-4000-8000-000000000000"
    }
    proof["event"] = event
    entries[0]["proof"] = proof
    object["entries"] = entries
    let result = try SamhandService.checkAccessLogExtract(
      try JSONSerialization.data(withJSONObject: object), publicKey: publicKey)
    #expect(!result.intact, "\(part)")
    #expect(result.problem != nil)
  }

  @Test("what is not an extract is refused with a clear error")
  func notAnExtract() {
    #expect(throws: ServiceError.self) {
      try SamhandService.checkAccessLogExtract(Data("{}".utf8), publicKey: nil)
    }
  }
}
