import Foundation
import GRDB
import SamhandCore
import SamhandService
import SamhandTestSupport
import Testing

/// Rectification (GDPR art. 16): every correction of a recipient's identity record is a new
/// version; the earlier ones stay, sealed, and a stale edit is refused.
@Suite("Rectification of the identity record")
struct RectificationTests {
  static let coordinator = ServiceFixture.actor("phr.coordinator")

  @Test("a corrected contact is a new version; every earlier version stays readable")
  func keepsEveryVersion() throws {
    let fixture = try ServiceFixture()
    let service = fixture.service
    let id = fixture.recipient
    let first = try service.updateRecipient(
      id, try RecipientChange(contact: .some("+47 400 00 001")), expectedVersion: 1,
      as: Self.coordinator, options: .followUp)
    #expect(first.version == 2)
    let second = try service.updateRecipient(
      id,
      try RecipientChange(
        name: "Fiktiv Persson", contact: .some("+47 400 00 010"),
        addedRelatives: [NewRelative(name: "Fiktiv Mor", relation: "mor", contact: "mor@x.invalid")]
      ),
      expectedVersion: 2, as: Self.coordinator, options: .followUp)
    #expect(second.version == 3)
    let shown = try service.showRecipient(id, as: Self.coordinator, options: .followUp)
    #expect(shown.version == 3)
    #expect(shown.name == .value("Fiktiv Persson"))
    #expect(shown.contact == .value("+47 400 00 010"))
    #expect(shown.relatives.map(\.name) == [.value("Fiktivt Barn"), .value("Fiktiv Mor")])

    let history = try service.recipientHistory(id, as: Self.coordinator, options: .followUp)
    #expect(history.map(\.version) == [1, 2, 3])
    #expect(
      history.map(\.contact) == [
        .value("fiktiv@example.invalid"), .value("+47 400 00 001"), .value("+47 400 00 010"),
      ])
    #expect(history.map(\.name.value) == ["Fiktiv Person", "Fiktiv Person", "Fiktiv Persson"])
    #expect(history.map(\.relatives.count) == [1, 1, 2])
    #expect(history[0].change == "registered")
    #expect(history[0].changedBy == StaffID(rawValue: "phr.coordinator"))
    #expect(history[2].change == "name, contact, next of kin added")
    #expect(history[2].changedBy == StaffID(rawValue: "phr.coordinator"))

    let child = try #require(shown.relatives.first).id
    let third = try service.updateRecipient(
      id, try RecipientChange(removedRelatives: [child]), as: Self.coordinator,
      options: .followUp)
    let after = try service.recipientHistory(id, as: Self.coordinator, options: .followUp)
    #expect(third.version == 4)
    #expect(after.last?.relatives.map(\.name) == [.value("Fiktiv Mor")])
    #expect(after[2].relatives.map(\.id).contains(child), "the removed next of kin stays in v3")
  }

  @Test("the old values are sealed: no plaintext of any version in the database file")
  func versionsSealed() throws {
    let fixture = try ServiceFixture()
    try fixture.service.updateRecipient(
      fixture.recipient, try RecipientChange(contact: .some("KANARI-KONTAKT-1")),
      as: Self.coordinator, options: .followUp)
    try fixture.service.updateRecipient(
      fixture.recipient, try RecipientChange(contact: .some("KANARI-KONTAKT-2")),
      as: Self.coordinator, options: .followUp)
    try DatabaseQueue(path: fixture.databaseURL.path).writeWithoutTransaction {
      try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
    }
    let bytes = try Data(contentsOf: fixture.databaseURL)
    for canary in ["KANARI-KONTAKT-1", "KANARI-KONTAKT-2", "fiktiv@example.invalid"] {
      #expect(bytes.range(of: Data(canary.utf8)) == nil, "\(canary) in plaintext")
    }
  }

  @Test("a version's ciphertext is bound to its row: moved to another version it fails to open")
  func versionsBoundToTheirRow() throws {
    let fixture = try ServiceFixture()
    for contact in ["+47 400 00 001", "+47 400 00 002"] {
      try fixture.service.updateRecipient(
        fixture.recipient, try RecipientChange(contact: .some(contact)), as: Self.coordinator,
        options: .followUp)
    }
    try fixture.service.tamper(
      """
      UPDATE recipient_versions SET contact_sealed = (SELECT contact_sealed
        FROM recipient_versions WHERE recipient_id = \(fixture.recipient.rawValue) AND version = 2)
      WHERE recipient_id = \(fixture.recipient.rawValue) AND version = 3
      """)
    #expect(throws: (any Error).self) {
      try fixture.service.recipientHistory(
        fixture.recipient, as: Self.coordinator, options: .followUp)
    }
  }

  @Test("a change made against an older version is refused, and nothing is written")
  func staleVersionRefused() throws {
    let fixture = try ServiceFixture()
    try fixture.service.updateRecipient(
      fixture.recipient, try RecipientChange(contact: .some("+47 400 00 001")),
      expectedVersion: 1, as: Self.coordinator, options: .followUp)
    try fixture.expectRefused("has changed (version 2, you edited version 1)") {
      try fixture.service.updateRecipient(
        fixture.recipient, try RecipientChange(contact: .some("+47 400 00 002")),
        expectedVersion: 1, as: Self.coordinator, options: .followUp)
    }
  }

  @Test("only the registering service corrects the identity record; the refusal is audited")
  func otherServiceRefused() throws {
    let fixture = try ServiceFixture()
    _ = try fixture.consent(["nav"], [.identity, .plan])
    try fixture.expectRefused("no recipient \(fixture.recipient)") {
      try fixture.service.updateRecipient(
        fixture.recipient, try RecipientChange(name: "Annet Navn"),
        as: ServiceFixture.actor("nav.caseworker"), options: .followUp)
    }
    #expect(try fixture.lastEntry(action: "recipient.update")?.decision == "deny")
  }

  @Test("names, contacts and next of kin follow the rules registration uses")
  func badInput() {
    #expect(throws: DomainError.tooLong(field: "name", max: 200)) {
      try RecipientChange(name: String(repeating: "a", count: 201))
    }
    #expect(throws: DomainError.controlCharacter(field: "name")) {
      try RecipientChange(name: "Per\u{7}Dal")
    }
    #expect(throws: DomainError.controlCharacter(field: "contact")) {
      try RecipientChange(contact: .some("linje\nto"))
    }
    #expect(throws: DomainError.tooLong(field: "contact", max: 300)) {
      try RecipientChange(contact: .some(String(repeating: "9", count: 301)))
    }
    #expect(throws: DomainError.controlCharacter(field: "next of kin relation")) {
      try RecipientChange(addedRelatives: [NewRelative(name: "Mor", relation: "m\u{1B}or")])
    }
    #expect(throws: DomainError.controlCharacter(field: "next of kin contact")) {
      try NewRecipient(
        name: "Per", nationalID: try NationalID("12838540056"),
        relatives: [NewRelative(name: "Mor", relation: "mor", contact: "a\tb")],
        registeredBy: try ServiceCode("nav"))
    }
  }

  @Test("an unknown next of kin or an empty change is refused")
  func unknownRelative() throws {
    let fixture = try ServiceFixture()
    try fixture.expectRefused("is not a next of kin") {
      try fixture.service.updateRecipient(
        fixture.recipient,
        try RecipientChange(removedRelatives: [RelativeID(rawValue: "rel-nobody")]),
        as: Self.coordinator, options: .followUp)
    }
    try fixture.expectRefused("nothing to change") {
      try fixture.service.updateRecipient(
        fixture.recipient, try RecipientChange(), as: Self.coordinator, options: .followUp)
    }
  }
}
