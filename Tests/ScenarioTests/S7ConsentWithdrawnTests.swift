import Foundation
import SamhandTestSupport
import Testing

/// S7, consent withdrawn: Per withdraws his consent for NAV; NAV's very next request finds no
/// recipient, no plan, no group and no handover, and is logged as denied; psykisk-helse-rus
/// keeps working.
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

  struct HandoverShown: Decodable { let handover: Municipality.Created }

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

  @Test(
    "NAV's next request for Per's plan, group and handovers finds nothing; psykisk-helse-rus works on"
  )
  func planAndGroupGone() throws {
    let town = try Municipality()
    let per = try town.perDal()
    let (siri, leif) = ("siri.fjell", "leif.berg")
    #expect(try town.plan(per.plan, as: leif).status == "active")
    #expect(try town.group(per.group, as: leif).id == per.group)
    let referral = try town.decode(
      Municipality.Created.self, siri, "handover", "propose", "--recipient", per.recipient,
      "--kind", "service-transfer", "--mode", "referral", "--to-staff", leif, "--planned",
      Municipality.day(30)
    ).id
    let listed = try town.decode(
      [Municipality.Created].self, leif, "handover", "list", "--recipient", per.recipient)
    #expect(listed.map(\.id) == [referral])
    #expect(
      try town.decode(HandoverShown.self, leif, "handover", "show", referral).handover.id
        == referral)
    let awaiting = try town.decode(AgendaView.self, leif, "agenda").items("handover-awaiting")
    #expect(awaiting.map(\.subject) == [referral])

    _ = try town.decode(Municipality.Created.self, siri, "consent", "withdraw", per.consent)
    _ = try town.decode(
      Municipality.Created.self, siri, "consent", "add", "--recipient", per.recipient,
      "--services", "psykisk-helse-rus,fastlege,tsb", "--categories",
      "identity,plan,group,handover", "--consent-purpose", "uten NAV")

    let plan = try town.run(leif, "plan", "show", per.plan)
    #expect(plan.status != 0)
    #expect(plan.errorLines == ["Error: no plan \(per.plan)"])
    #expect(plan.stdout.isEmpty)
    let group = try town.run(leif, "group", "show", per.group)
    #expect(group.errorLines == ["Error: no responsibility group \(per.group)"])
    #expect(group.stdout.isEmpty)
    expectNoRecipient(
      try town.run(leif, "handover", "list", "--recipient", per.recipient), per.recipient)
    let handover = try town.run(leif, "handover", "show", referral)
    #expect(handover.errorLines == ["Error: no handover \(referral)"])
    #expect(handover.stdout.isEmpty)
    #expect(try town.decode(AgendaView.self, leif, "agenda").items("handover-awaiting").isEmpty)

    let log = try town.accessLog(of: per.recipient, as: siri)
    let withdrawal = try #require(log.firstIndex { $0.action == "consent.withdraw" })
    for action in ["plan.show", "group.show", "handover.list", "handover.show"] {
      let looks = log.enumerated().filter {
        $0.element.staffID == leif && $0.element.action == action
      }
      #expect(looks.contains { $0.offset < withdrawal && $0.element.allowed }, "\(action)")
      let after = looks.filter { $0.offset > withdrawal }
      #expect(after.count == 1, "\(action)")
      #expect(after.allSatisfy { !$0.element.allowed && $0.element.service == "nav" }, "\(action)")
    }

    _ = try town.decode(
      Versioned<String>.self, siri, "plan", "revise", per.plan, "--evaluation",
      "Fortsetter uten NAV")
    let kept = try town.plan(per.plan, as: siri)
    #expect(kept.status == "active")
    #expect(kept.revisions.map(\.evaluation) == ["Fortsetter uten NAV"])
    #expect(try town.plan(per.plan, as: "ane.moe").revisions.count == 1)
    #expect(try town.group(per.group, as: siri).leader == siri)
  }
}
