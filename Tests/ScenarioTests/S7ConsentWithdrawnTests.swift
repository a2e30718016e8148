import Foundation
import SamhandTestSupport
import Testing

/// S7, consent withdrawn (the access part): Per withdraws his consent for NAV; NAV's very next
/// request finds no recipient and is logged as denied; psykisk-helse-rus keeps working.
/// Plans, groups and handovers come with later issues; this covers the recipient record.
@Suite("S7 Consent withdrawn")
struct S7ConsentWithdrawnTests {
  struct Shown: Decodable {
    let id: String
    let name: String
    let registeredBy: String
  }

  struct ConsentLine: Decodable {
    let id: String
    let services: [String]
    let categories: [String]
    let withdrawnAt: String?
  }

  /// A synthetic national id (month + 80) with valid check digits.
  static let nationalID = "12838540641"

  @Test("NAV sees Per while his consent lives, and not on the very next request after")
  func consentWithdrawn() throws {
    let town = try Municipality()
    let per = try town.decode(
      Municipality.Created.self, "siri.fjell", "recipient", "add", "--name", "Per Holm",
      "--national-id", Self.nationalID
    ).id
    let consent = try town.decode(
      Municipality.Created.self, "siri.fjell", "consent", "add", "--recipient", per,
      "--services", "nav", "--categories", "identity,plan,group", "--document",
      "samtykkeskjema 7"
    ).id
    let consents = try town.decode(
      [ConsentLine].self, "siri.fjell", "consent", "list", "--recipient", per)
    #expect(consents.map(\.id) == [consent])
    #expect(consents.first?.services == ["nav"])
    #expect(consents.first?.categories == ["identity", "plan", "group"])

    // Without an assignment the consent alone lets no one at NAV in.
    expectNoRecipient(try town.run("kari.nes", "recipient", "show", per), per)
    _ = try town.decode(
      Municipality.Created.self, "siri.fjell", "recipient", "assign", per, "--staff", "kari.nes")
    let before = try town.decode(Shown.self, "kari.nes", "recipient", "show", per)
    #expect(before.name == "Per Holm")
    #expect(before.registeredBy == "psykisk-helse-rus")
    expectNoRecipient(try town.run("leif.berg", "recipient", "show", per), per)

    _ = try town.decode(Municipality.Created.self, "siri.fjell", "consent", "withdraw", consent)

    expectNoRecipient(
      try town.run("kari.nes", "recipient", "show", per, "--purpose", "oppfølging"), per)
    let caseload = try town.decode([Shown].self, "kari.nes", "recipient", "list")
    #expect(!caseload.contains { $0.id == per })
    let registering = try town.decode(Shown.self, "siri.fjell", "recipient", "show", per)
    #expect(registering.name == "Per Holm")
    let withdrawn = try town.decode(
      [ConsentLine].self, "siri.fjell", "consent", "list", "--recipient", per)
    #expect(withdrawn.first?.withdrawnAt != nil)

    // The access log tells the story in order: allowed before, denied after the withdrawal.
    let log = try town.accessLog(of: per, as: "siri.fjell")
    let withdrawal = try #require(log.firstIndex { $0.action == "consent.withdraw" })
    let navLooks = log.enumerated().filter {
      $0.element.staffID == "kari.nes" && $0.element.action == "recipient.show"
    }
    let allowed = navLooks.filter(\.element.allowed)
    #expect(allowed.count == 1)
    #expect(allowed.allSatisfy { $0.offset < withdrawal })
    let afterWithdrawal = navLooks.filter { $0.offset > withdrawal }
    #expect(!afterWithdrawal.isEmpty)
    #expect(afterWithdrawal.allSatisfy { !$0.element.allowed && $0.element.service == "nav" })
    #expect(afterWithdrawal.first?.element.purpose == "oppfølging")
    #expect(log[withdrawal].staffID == "siri.fjell")
  }
}
