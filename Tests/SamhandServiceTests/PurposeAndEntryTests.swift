import Crypto
import Foundation
import SamhandAudit
import SamhandCore
import SamhandService
import SamhandTestSupport
import Testing

/// A purpose is always stated, never defaulted (DESIGN invariant 1), and every entry says
/// who ran the command and under which policy set.
@Suite("Service: purpose required, OS user and policy digest in entries")
struct PurposeAndEntryTests {
  static let coordinator = Actor(
    staffID: StaffID(rawValue: "phr.coordinator"), channel: .cli, osUser: "kari")
  static let noPurpose = RequestOptions(purpose: nil)
  static let missing = RecipientID(rawValue: "r-00000000-0000-4000-8000-000000000000")

  @Test("without a purpose, a look is refused as purpose-required and audited as a denial")
  func lookWithoutPurpose() throws {
    let fixture = try ServiceFixture()
    #expect(throws: ServiceError.purposeRequired) {
      try fixture.service.showRecipient(
        fixture.recipient, as: Self.coordinator, options: Self.noPurpose)
    }
    let entry = try #require(try fixture.lastEntry(action: "recipient.show"))
    #expect(entry.decision == "deny")
    #expect(entry.policies.contains("global-forbid-no-purpose"))
    // The same coordinator with a purpose is allowed: only the purpose was missing.
    _ = try fixture.service.showRecipient(
      fixture.recipient, as: Self.coordinator, options: .followUp)
  }

  @Test(
    "without a purpose, an allowed, a denied and a missing recipient answer the same",
    arguments: ["phr.coordinator", "nav.caseworker"])
  func sameAnswerWhateverTheRecipient(staff: String) throws {
    let fixture = try ServiceFixture()
    let actor = ServiceFixture.actor(staff)
    var answers: [String] = []
    for recipient in [fixture.recipient, Self.missing] {
      do {
        _ = try fixture.service.showRecipient(recipient, as: actor, options: Self.noPurpose)
        Issue.record("\(staff) saw \(recipient) without a purpose")
      } catch {
        answers.append("\(error)")
      }
    }
    #expect(answers == ["\(ServiceError.purposeRequired)", "\(ServiceError.purposeRequired)"])
  }

  @Test("an empty purpose is no purpose")
  func emptyPurpose() throws {
    let fixture = try ServiceFixture()
    #expect(throws: ServiceError.purposeRequired) {
      try fixture.service.showRecipient(
        fixture.recipient, as: Self.coordinator, options: RequestOptions(purpose: ""))
    }
  }

  @Test("a list without a purpose is refused, not answered empty")
  func listWithoutPurpose() throws {
    let fixture = try ServiceFixture()
    #expect(throws: ServiceError.purposeRequired) {
      try fixture.service.caseload(as: Self.coordinator, options: Self.noPurpose)
    }
    #expect(try fixture.service.caseload(as: Self.coordinator, options: .followUp).items.count == 1)
  }

  @Test("the message names the missing purpose and how to give it")
  func message() {
    #expect("\(ServiceError.purposeRequired)".contains("--purpose"))
    #expect("\(ServiceError.purposeRequired)".contains("SAMHAND_PURPOSE"))
  }

  @Test("a gate entry records the OS user and the digest of the policy set that decided")
  func entryFields() throws {
    let fixture = try ServiceFixture()
    _ = try fixture.service.showRecipient(
      fixture.recipient, as: Self.coordinator, options: .followUp)
    let row = try #require(try Self.lastRow(fixture, action: "recipient.show"))
    #expect(row.osUser == "kari")
    #expect(row.encoding == 2)
    let policies = fixture.temporary.path("data").appending(path: "policies")
    #expect(row.policyDigest == (try Self.digest(of: policies)))
    #expect(row.policyDigest?.count == 64)
  }

  @Test("the policy digest changes with the policy set; the log stays intact across both")
  func digestFollowsPolicies() throws {
    let fixture = try ServiceFixture()
    _ = try fixture.service.showRecipient(
      fixture.recipient, as: Self.coordinator, options: .followUp)
    let before = try #require(try Self.lastRow(fixture, action: "recipient.show")?.policyDigest)
    let elsewhere = fixture.temporary.path("elsewhere")
    try FileManager.default.copyItem(
      at: fixture.temporary.path("data").appending(path: "policies"), to: elsewhere)
    let extra = "// an operator's note\n"
    try Data(extra.utf8).write(to: elsewhere.appending(path: "zz-note.cedar"))
    let other = try SamhandService.open(
      dataDirectory: fixture.temporary.path("data"), policies: elsewhere, clock: fixture.clock)
    _ = try other.showRecipient(fixture.recipient, as: Self.coordinator, options: .followUp)
    let after = try #require(try Self.lastRow(fixture, action: "recipient.show")?.policyDigest)
    #expect(after != before)
    #expect(after == (try Self.digest(of: elsewhere)))
    #expect(try SamhandService.verifyAuditLog(dataDirectory: fixture.temporary.path("data")).intact)
  }

  @Test("policy explain and who-can about a recipient show in their access log")
  func explainAndWhoCanAreLooks() throws {
    let fixture = try ServiceFixture()
    let auditor = ServiceFixture.actor("phr.auditor")
    let explanation = try fixture.service.explainAccess(
      of: StaffID(rawValue: "nav.caseworker"), action: .view, on: fixture.recipient,
      category: .plan, as: auditor, options: RequestOptions(purpose: "tilsyn"))
    #expect(!explanation.allowed)
    let staff = try fixture.service.whoCan(
      .view, on: fixture.recipient, category: .identity, as: auditor,
      options: RequestOptions(purpose: "tilsyn"))
    #expect(staff.contains(StaffID(rawValue: "phr.coordinator")))
    let log = try fixture.service.accessLog(
      of: fixture.recipient, as: Self.coordinator, options: .followUp)
    let looks = log.filter { $0.staffID == "phr.auditor" }
    #expect(looks.map(\.action) == ["policy.explain", "policy.who-can"])
    #expect(looks.allSatisfy { $0.purpose == "tilsyn" && $0.allowed })
  }

  @Test("explain about a missing recipient reads like one the actor may not see")
  func explainMissingRecipient() throws {
    let fixture = try ServiceFixture()
    #expect(throws: ServiceError.notFound(kind: "recipient", id: Self.missing.rawValue)) {
      try fixture.service.explainAccess(
        of: StaffID(rawValue: "nav.caseworker"), action: .view, on: Self.missing,
        category: .plan, as: ServiceFixture.actor("phr.auditor"), options: .followUp)
    }
    #expect(throws: ServiceError.notFound(kind: "recipient", id: fixture.recipient.rawValue)) {
      try fixture.service.whoCan(
        .view, on: fixture.recipient, category: .plan,
        as: ServiceFixture.actor("nav.caseworker"), options: .followUp)
    }
  }

  struct EntryRow {
    let encoding: Int
    let osUser: String?
    let policyDigest: String?
  }

  static func lastRow(_ fixture: ServiceFixture, action: String) throws -> EntryRow? {
    try fixture.service.rows(
      """
      SELECT encoding, os_user, policy_digest FROM audit_entries WHERE action = \(action)
      ORDER BY sequence DESC LIMIT 1
      """
    ).first.map {
      EntryRow(
        encoding: try $0["encoding"], osUser: try $0["os_user"],
        policyDigest: try $0["policy_digest"])
    }
  }

  /// The digest as specified, computed independently: SHA-256 over each `.cedar` file's name
  /// and text in name order, each preceded by its UTF-8 length in 8 bytes big-endian.
  static func digest(of directory: URL) throws -> String {
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
      .filter { $0.hasSuffix(".cedar") }.sorted()
    var bytes: [UInt8] = []
    for name in names {
      let text = try String(contentsOf: directory.appending(path: name), encoding: .utf8)
      for field in [Array(name.utf8), Array(text.utf8)] {
        bytes += withUnsafeBytes(of: UInt64(field.count).bigEndian, Array.init)
        bytes += field
      }
    }
    return SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
  }
}
