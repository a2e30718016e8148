import Foundation
import SamhandCore
import SamhandService
import Testing

/// Bad input gets a clear error, writes nothing, and — where the actor is known — leaves an
/// audit entry of the attempt.
@Suite("Bad input through the service")
struct BadInputTests {
  let coordinator = ServiceFixture.actor("phr.coordinator")

  /// Every refusal of a known actor leaves exactly one audit entry: the failed attempt.
  func expectRefused(
    _ fixture: ServiceFixture, message: String, _ body: () throws -> Void
  ) throws {
    let data = try fixture.dataSnapshot()
    let entries = try fixture.auditCount()
    do {
      try body()
      Issue.record("accepted bad input (\(message))")
    } catch {
      #expect("\(error)".contains(message), "\(error)")
    }
    #expect(try fixture.dataSnapshot() == data)
    #expect(try fixture.auditCount() == entries + 1)
  }

  @Test(
    "malformed or checksum-invalid national ids are refused",
    arguments: [("123", "exactly 11 digits"), ("1234567890a", "exactly 11 digits")])
  func malformedNationalID(text: String, message: String) throws {
    let fixture = try ServiceFixture()
    try expectRefused(fixture, message: message) {
      _ = try fixture.service.registerRecipient(
        name: "Fiktiv", nationalID: text, as: coordinator, options: .followUp)
    }
  }

  @Test("a national id with a wrong check digit is refused")
  func checksum() throws {
    let fixture = try ServiceFixture()
    var digits = Array(fixture.nationalID.digits)
    digits[10] = digits[10] == "9" ? "0" : Character(String((digits[10].wholeNumberValue ?? 0) + 1))
    try expectRefused(fixture, message: "check digits") {
      _ = try fixture.service.registerRecipient(
        name: "Fiktiv", nationalID: String(digits), as: coordinator, options: .followUp)
    }
  }

  @Test("a duplicate recipient is refused and the attempt audited as failed")
  func duplicate() throws {
    let fixture = try ServiceFixture()
    try expectRefused(fixture, message: "already registered") {
      _ = try fixture.service.registerRecipient(
        name: "Samme Person", nationalID: fixture.nationalID.digits, as: coordinator,
        options: .followUp)
    }
    #expect(try fixture.lastEntry(action: "recipient.register")?.decision == "allow")
  }

  @Test("a consent naming an unknown service or staff member is refused")
  func unknownScope() throws {
    let fixture = try ServiceFixture()
    try expectRefused(fixture, message: "unknown service 'kommunen'") {
      _ = try fixture.consent(["kommunen"], [.plan])
    }
    try expectRefused(fixture, message: "unknown staff member 'ghost'") {
      _ = try fixture.service.addConsent(
        recipient: fixture.recipient,
        scope: .init(services: [], staff: [StaffID(rawValue: "ghost")], categories: [.plan]),
        purpose: "x", as: coordinator, options: .followUp)
    }
  }

  @Test("a consent ending in the past, or before it starts, is refused")
  func consentDates() throws {
    let fixture = try ServiceFixture()
    let today = CalendarDate.today(fixture.clock)
    try expectRefused(fixture, message: "in the past") {
      _ = try fixture.service.addConsent(
        recipient: fixture.recipient,
        scope: .init(services: [ServiceCode("nav")], categories: [.plan]),
        purpose: "x", validFrom: today.adding(days: -10), validUntil: today.adding(days: -1),
        as: coordinator, options: .followUp)
    }
    try expectRefused(fixture, message: "before the start") {
      _ = try fixture.service.addConsent(
        recipient: fixture.recipient,
        scope: .init(services: [ServiceCode("nav")], categories: [.plan]),
        purpose: "x", validFrom: today.adding(days: 10), validUntil: today.adding(days: 5),
        as: coordinator, options: .followUp)
    }
  }

  @Test("an unknown staff member acting is unauthenticated, and the attempt is audited")
  func unknownActor() throws {
    let fixture = try ServiceFixture()
    try expectRefused(fixture, message: "not authenticated") {
      _ = try fixture.service.showRecipient(
        fixture.recipient, as: ServiceFixture.actor("ghost"), options: .followUp)
    }
  }

  @Test("an unknown recipient reads exactly like a denied one")
  func unknownRecipient() throws {
    let fixture = try ServiceFixture()
    let missing = RecipientID(rawValue: "r-does-not-exist")
    var messages: [String] = []
    for (id, actor) in [
      (missing, coordinator), (fixture.recipient, ServiceFixture.actor("nav.caseworker")),
    ] {
      do {
        _ = try fixture.service.showRecipient(id, as: actor, options: .followUp)
      } catch {
        messages.append("\(error)".replacingOccurrences(of: id.rawValue, with: "ID"))
      }
    }
    #expect(messages.count == 2)
    #expect(Set(messages).count == 1, "\(messages)")
  }
}
