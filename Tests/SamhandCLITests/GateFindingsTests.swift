import Foundation
import SamhandTestSupport
import Testing

/// Holes the first review of the gate found, each pinned by the behaviour that closed it:
/// a denied search reveals nothing, listing expiring consents probes no strangers, and
/// identity writes (consents, blocks) stay with the registering service.
@Suite("CLI: gate findings, closed")
struct GateFindingsTests {
  @Test("find by national id answers a denied recipient exactly like an unregistered one")
  func findDoesNotRevealDeniedRecipients() throws {
    let cli = try CLIFixture.demo().cli
    let registered = CLIFixture.nationalIDs[0]
    let id = try cli.created(
      ["recipient", "add", "--name", "Per Sletta", "--national-id", registered],
      as: "siri.fjell")
    let unregistered = try cli.run(
      ["recipient", "find", "--national-id", CLIFixture.nationalIDs[1]], as: "kari.nes")
    expectRefusal(unregistered, containing: "no recipient with that national id")
    let denied = try cli.run(["recipient", "find", "--national-id", registered], as: "kari.nes")
    #expect(denied.status != 0)
    #expect(!denied.stderr.contains(id))
    #expect(denied.stderr == unregistered.stderr)
  }

  @Test("consent expiring leaves no denied looks in the logs of recipients nobody asked about")
  func expiringDoesNotProbeOtherServices() throws {
    let (cli, recipients) = try CLIFixture.demo()
    // Demo recipient 5 is a barnevern child whose consent (nav among others) ends in 20 days.
    let child = recipients[5]
    let before = try cli.rows(["recipient", "access-log", child], as: "eva.sand")
    #expect(!before.isEmpty && before.allSatisfy { $0["staffId"] is String })
    #expect(before.allSatisfy { $0["staffId"] as? String != "kari.nes" })
    let expiring = try cli.rows(["consent", "expiring"], as: "kari.nes")
    #expect(expiring.allSatisfy { $0["recipientID"] as? String != child })
    let after = try cli.rows(["recipient", "access-log", child], as: "eva.sand")
    #expect(after.allSatisfy { $0["staffId"] as? String != "kari.nes" })
  }

  @Test("a caseworker of another service cannot widen the consent that lets her service in")
  func consentIsNotSelfService() throws {
    let cli = try CLIFixture.demo().cli
    let per = try cli.registerWithNAVConsent(nationalID: CLIFixture.nationalIDs[2]).recipient
    _ = try cli.created(["recipient", "assign", per, "--staff", "kari.nes"], as: "siri.fjell")
    let widened = try cli.run(
      [
        "consent", "add", "--recipient", per, "--services", "nav",
        "--categories", "health,substance-use",
      ], as: "kari.nes")
    #expect(widened.status != 0)
  }

  @Test("an assigned caseworker of another service cannot lock the registering service out")
  func blockCannotLockOutRegisteringService() throws {
    let cli = try CLIFixture.demo().cli
    let per = try cli.registerWithNAVConsent(nationalID: CLIFixture.nationalIDs[3]).recipient
    _ = try cli.created(["recipient", "assign", per, "--staff", "kari.nes"], as: "siri.fjell")
    _ = try cli.run(
      ["block", "add", "--recipient", per, "--service", "psykisk-helse-rus"], as: "kari.nes")
    let registering = try cli.run(["recipient", "show", per], as: "siri.fjell")
    #expect(registering.status == 0, "\(registering.stderr)")
  }
}
