import Foundation
import SamhandTestSupport
import Testing

@Suite("CLI: services, staff, tokens and demo")
struct AdministrationCommandTests {
  @Test("service add prints its id with --json, list shows it, a second add is refused")
  func services() throws {
    let cli = try CLIFixture()
    #expect(
      try cli.created(["service", "add", "--code", "nav", "--name", "NAV Fjordvik"]) == "nav")
    let rows = try cli.rows(["service", "list"])
    #expect(rows.map { $0["code"] as? String } == ["nav"])
    #expect(rows.first?["name"] as? String == "NAV Fjordvik")
    let before = try cli.counts()
    expectRefusal(
      try cli.run(["service", "add", "--code", "nav", "--name", "Again"]),
      containing: "exists already")
    expectRefusal(
      try cli.run(["service", "add", "--code", "NAV!", "--name", "Bad"]),
      containing: "invalid service code 'NAV!'")
    #expect(try cli.counts() == before)
  }

  @Test("staff add, list and deactivate; inactive staff show as inactive and get no token")
  func staff() throws {
    let cli = try CLIFixture()
    _ = try cli.created(["service", "add", "--code", "nav", "--name", "NAV Fjordvik"])
    let id = try cli.created(
      [
        "staff", "add", "--id", "kari.nes", "--name", "Kari Nes", "--service", "nav",
        "--role", "caseworker",
      ])
    #expect(id == "kari.nes")
    var listed = try cli.rows(["staff", "list"])
    #expect(listed.map { $0["id"] as? String } == ["kari.nes"])
    #expect(listed.first?["active"] as? Bool == true)
    #expect(try cli.created(["staff", "deactivate", "kari.nes"]) == "kari.nes")
    listed = try cli.rows(["staff", "list"])
    #expect(listed.first?["active"] as? Bool == false)
    let text = try cli.run(["staff", "list"])
    #expect(text.stdout.contains("inactive"))
    let before = try cli.counts()
    expectRefusal(try cli.run(["staff", "deactivate", "kari.nes"]), containing: "already")
    expectRefusal(try cli.run(["staff", "deactivate", "nobody"]), containing: "no staff member")
    expectRefusal(
      try cli.run(["token", "create", "--staff", "kari.nes"]), containing: "deactivated")
    #expect(try cli.counts() == before)
  }

  @Test("token create shows the secret once; list never does; revoke marks it, once")
  func tokens() throws {
    let cli = try CLIFixture()
    _ = try cli.created(["service", "add", "--code", "tsb", "--name", "TSB"])
    _ = try cli.created(
      [
        "staff", "add", "--id", "jon.rud", "--name", "Jon Rud", "--service", "tsb",
        "--role", "clinician",
      ])
    let token = try #require(
      try cli.json(["token", "create", "--staff", "jon.rud", "--days", "7"]) as? [String: Any])
    let id = try #require(token["id"] as? String)
    let secret = try #require(token["token"] as? String)
    #expect(secret.count >= 32)
    for arguments in [["token", "list"], ["token", "list", "--json"]] {
      let listing = try cli.run(arguments)
      #expect(listing.status == 0)
      #expect(listing.stdout.contains(id))
      #expect(!listing.stdout.contains(secret))
      #expect(!listing.stdout.contains(secret.prefix(12)))
    }
    #expect(try cli.created(["token", "revoke", id]) == id)
    let revoked = try cli.rows(["token", "list", "--staff", "jon.rud"])
    #expect(revoked.count == 1)
    #expect(revoked.first?["revokedAt"] != nil)
    let before = try cli.counts()
    expectRefusal(try cli.run(["token", "revoke", id]), containing: "no live token")
    expectRefusal(
      try cli.run(["token", "create", "--staff", "jon.rud", "--days", "0"]),
      containing: "between 1 and 366")
    expectRefusal(
      try cli.run(["token", "create", "--staff", "nobody"]), containing: "no staff member nobody")
    #expect(try cli.counts() == before)
  }

  @Test("demo --json lists staff with tokens and recipient ids, and is refused a second time")
  func demo() throws {
    let cli = try CLIFixture(initialised: false)
    let result = try #require(try cli.json(["demo"]) as? [String: Any])
    #expect(Set(result.keys) == ["staff", "recipients"])
    let staff = try #require(result["staff"] as? [[String: Any]])
    #expect(staff.count == 15)
    for member in staff {
      #expect(Set(member.keys) == ["id", "name", "service", "role", "token"])
      #expect((member["token"] as? String)?.isEmpty == false)
    }
    let auditor = try #require(staff.first { $0["id"] as? String == "kim.aas" })
    #expect(auditor["role"] as? String == "auditor")
    let recipients = try #require(result["recipients"] as? [[String: Any]])
    #expect(recipients.count == 32)
    #expect(recipients.allSatisfy { Set($0.keys) == ["id"] })
    let before = try cli.counts()
    #expect(before.recipients == 32)
    expectRefusal(try cli.run(["demo"]), containing: "already holds recipients")
    #expect(try cli.counts() == before)
  }
}

@Suite("CLI: recipients, assignments, consents, blocks, break-glass")
struct GateCommandTests {
  @Test("recipient add, show, find and list, for the registering service only")
  func recipients() throws {
    let cli = try CLIFixture.demo().cli
    let nationalID = CLIFixture.nationalIDs[0]
    let id = try cli.created(
      [
        "recipient", "add", "--name", "Per Sletta", "--national-id", nationalID, "--contact",
        "90000001", "--relative", "Lise Sletta:søster", "--child", "Lille Sletta:datter",
      ],
      as: "siri.fjell")
    #expect(id.hasPrefix("r-"))
    let shown = try #require(
      try cli.json(["recipient", "show", id], as: "siri.fjell") as? [String: Any])
    #expect(shown["name"] as? String == "Per Sletta")
    #expect(shown["nationalId"] as? String == nationalID)
    #expect(shown["registeredBy"] as? String == "psykisk-helse-rus")
    #expect((shown["relatives"] as? [Any])?.count == 2)
    #expect(
      try cli.created(["recipient", "find", "--national-id", nationalID], as: "siri.fjell") == id)
    let caseload = try cli.rows(["recipient", "list"], as: "siri.fjell")
    #expect(caseload.contains { $0["id"] as? String == id })
    #expect(
      try cli.rows(["recipient", "list"], as: "kari.nes").allSatisfy { $0["id"] as? String != id })
    expectRefusal(
      try cli.run(["recipient", "show", id], as: "kari.nes"), containing: "no recipient \(id)")
  }

  @Test("assign lets a consented NAV caseworker in; unassign and deactivation shut her out")
  func assignments() throws {
    let cli = try CLIFixture.demo().cli
    let per = try cli.registerWithNAVConsent(nationalID: CLIFixture.nationalIDs[1]).recipient
    #expect(
      try cli.created(["recipient", "assign", per, "--staff", "kari.nes"], as: "siri.fjell") == per)
    expectRefusal(
      try cli.run(["recipient", "assign", per, "--staff", "kari.nes"], as: "siri.fjell"),
      containing: "already assigned")
    #expect(try cli.run(["recipient", "show", per], as: "kari.nes").status == 0)
    #expect(
      try cli.rows(["recipient", "list"], as: "kari.nes").contains { $0["id"] as? String == per })
    #expect(
      try cli.created(["recipient", "unassign", per, "--staff", "kari.nes"], as: "siri.fjell")
        == per)
    expectRefusal(
      try cli.run(["recipient", "show", per], as: "kari.nes"), containing: "no recipient")
    _ = try cli.created(["recipient", "assign", per, "--staff", "kari.nes"], as: "siri.fjell")
    #expect(try cli.run(["recipient", "show", per], as: "kari.nes").status == 0)
    _ = try cli.created(["staff", "deactivate", "kari.nes"])
    expectRefusal(
      try cli.run(["recipient", "show", per], as: "kari.nes"), containing: "no recipient")
  }

  @Test("assign of a service the consent does not cover is refused like a missing recipient")
  func assignWithoutConsent() throws {
    let cli = try CLIFixture.demo().cli
    let per = try cli.registerWithNAVConsent(nationalID: CLIFixture.nationalIDs[2]).recipient
    let before = try cli.counts()
    expectRefusal(
      try cli.run(["recipient", "assign", per, "--staff", "tor.lie"], as: "siri.fjell"),
      containing: "no recipient \(per)")
    #expect(try cli.counts() == before.adding(audit: 1))
    expectRefusal(
      try cli.run(["recipient", "show", per], as: "tor.lie"), containing: "no recipient")
  }

  @Test("consent add, list, expiring and withdraw; a withdrawn consent counts on the next request")
  func consents() throws {
    let cli = try CLIFixture.demo().cli
    let (per, consent) = try cli.registerWithNAVConsent(nationalID: CLIFixture.nationalIDs[3])
    #expect(consent.hasPrefix("c-"))
    let soon = try cli.created(
      [
        "consent", "add", "--recipient", per, "--staff", "ane.moe", "--categories", "identity",
        "--until", Self.day(in: 10),
      ], as: "siri.fjell")
    let listed = try cli.rows(["consent", "list", "--recipient", per], as: "siri.fjell")
    #expect(Set(listed.compactMap { $0["id"] as? String }) == [consent, soon])
    let expiring = try cli.rows(["consent", "expiring", "--days", "30"], as: "siri.fjell")
    #expect(expiring.contains { $0["id"] as? String == soon })
    #expect(!expiring.contains { $0["id"] as? String == consent })
    _ = try cli.created(["recipient", "assign", per, "--staff", "kari.nes"], as: "siri.fjell")
    #expect(try cli.run(["recipient", "show", per], as: "kari.nes").status == 0)
    #expect(try cli.created(["consent", "withdraw", consent], as: "siri.fjell") == consent)
    expectRefusal(
      try cli.run(["recipient", "show", per], as: "kari.nes"), containing: "no recipient")
    expectRefusal(
      try cli.run(["consent", "withdraw", consent], as: "siri.fjell"),
      containing: "already withdrawn")
    let after = try cli.rows(["consent", "list", "--recipient", per], as: "siri.fjell")
    #expect(after.first { $0["id"] as? String == consent }?["withdrawnAt"] != nil)
  }

  @Test("block add shuts a consented, assigned service out; lift lets it back in; list shows both")
  func blocks() throws {
    let cli = try CLIFixture.demo().cli
    let per = try cli.registerWithNAVConsent(nationalID: CLIFixture.nationalIDs[0]).recipient
    _ = try cli.created(["recipient", "assign", per, "--staff", "kari.nes"], as: "siri.fjell")
    let block = try cli.created(
      ["block", "add", "--recipient", per, "--service", "nav", "--reason", "vil ikke"],
      as: "siri.fjell")
    #expect(block.hasPrefix("b-"))
    expectRefusal(
      try cli.run(["recipient", "show", per], as: "kari.nes"), containing: "no recipient")
    let live = try cli.rows(["block", "list", "--recipient", per], as: "siri.fjell")
    #expect(live.map { $0["id"] as? String } == [block])
    #expect(try cli.created(["block", "lift", block], as: "siri.fjell") == block)
    #expect(try cli.run(["recipient", "show", per], as: "kari.nes").status == 0)
    expectRefusal(
      try cli.run(["block", "lift", block], as: "siri.fjell"), containing: "already lifted")
    let text = try cli.run(["block", "list", "--recipient", per], as: "siri.fjell")
    #expect(text.stdout.contains("LIFTED"))
    expectRefusal(
      try cli.run(
        ["block", "add", "--recipient", per, "--service", "nav", "--staff", "kari.nes"],
        as: "siri.fjell"),
      containing: "exactly one of --staff and --service")
  }

  @Test("break-glass gives a clinician a flagged read; auditors list and review it once")
  func breakGlass() throws {
    let (cli, recipients) = try CLIFixture.demo()
    let target = recipients[1]
    expectRefusal(
      try cli.run(["recipient", "show", target], as: "ane.moe"), containing: "no recipient")
    let grant = try cli.created(
      ["break-glass", "--recipient", target, "--reason", "bevisstløs på legevakten"], as: "ane.moe")
    #expect(grant.hasPrefix("bg-"))
    #expect(try cli.run(["recipient", "show", target], as: "ane.moe").status == 0)
    expectRefusal(
      try cli.run(["break-glass", "--recipient", target, "--reason", "kurious"], as: "kari.nes"),
      containing: "no recipient")
    expectRefusal(
      try cli.run(["break-glass", "--recipient", target, "--reason", " "], as: "ane.moe"),
      containing: "state the reason")
    expectRefusal(
      try cli.run(["audit", "break-glass"], as: "siri.fjell"),
      containing: "not allowed: the audit log")
    // The demo has an emergency access of its own waiting for review.
    let pending = { try cli.rows(["audit", "break-glass", "--pending"], as: "kim.aas") }
    #expect(try pending().filter { $0["id"] as? String == grant }.count == 1)
    let othersPending = try pending().count - 1
    expectRefusal(
      try cli.run(
        ["audit", "review", grant, "--outcome", "maybe", "--comment", "?"], as: "kim.aas"),
      containing: "accepted or questioned")
    expectRefusal(
      try cli.run(
        ["audit", "review", grant, "--outcome", "accepted", "--comment", "ok"],
        as: "siri.fjell"),
      containing: "not allowed")
    #expect(
      try cli.created(
        ["audit", "review", grant, "--outcome", "accepted", "--comment", "legevakt, rimelig"],
        as: "kim.aas") == grant)
    expectRefusal(
      try cli.run(
        ["audit", "review", grant, "--outcome", "questioned", "--comment", "x"],
        as: "kim.aas"),
      containing: "already been reviewed")
    expectRefusal(
      try cli.run(
        ["audit", "review", "bg-nope", "--outcome", "accepted", "--comment", "x"],
        as: "kim.aas"),
      containing: "no break-glass grant bg-nope")
    #expect(try pending().count == othersPending)
    #expect(try !pending().contains { $0["id"] as? String == grant })
    let all = try cli.rows(["audit", "break-glass"], as: "kim.aas")
    #expect(all.first { $0["id"] as? String == grant }?["reviewOutcome"] as? String == "accepted")
  }

  @Test("access-log shows who, which service, what and why, to a care relationship only")
  func accessLog() throws {
    let (cli, recipients) = try CLIFixture.demo()
    let target = recipients[1]
    _ = try cli.json(
      ["recipient", "show", target, "--purpose", "oppfølgingssamtale"], as: "ola.strand")
    _ = try cli.run(["recipient", "show", target], as: "kari.nes")
    let log = try cli.rows(["recipient", "access-log", target], as: "siri.fjell")
    let look = try #require(log.first { $0["staffId"] as? String == "ola.strand" })
    #expect(look["staffName"] as? String == "Ola Strand")
    #expect(look["service"] as? String == "psykisk-helse-rus")
    #expect(look["action"] as? String == "recipient.show")
    #expect(look["purpose"] as? String == "oppfølgingssamtale")
    #expect(look["allowed"] as? Bool == true)
    #expect(look["time"] is String)
    let denied = try #require(log.first { $0["staffId"] as? String == "kari.nes" })
    #expect(denied["allowed"] as? Bool == false)
    expectRefusal(
      try cli.run(["recipient", "access-log", target], as: "kari.nes"), containing: "no recipient")
    #expect(
      try cli.rows(["recipient", "access-log", target], as: "kim.aas").count == log.count + 2)
  }

  static func day(in days: Int) -> String {
    let date = Date().addingTimeInterval(Double(days) * 86_400)
    return date.formatted(.iso8601.year().month().day().dateSeparator(.dash))
  }
}
