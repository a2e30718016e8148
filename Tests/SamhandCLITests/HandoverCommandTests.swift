import Foundation
import GRDB
import SamhandTestSupport
import Testing

@Suite("CLI: handover commands")
struct HandoverCommandTests {
  /// A demo municipality with one new recipient of Siri's, consenting to nav and tsb.
  func prepared() throws -> (CLIFixture, String) {
    let cli = try CLIFixture(initialised: false)
    let demo = try cli.run("demo", "--json")
    #expect(demo.status == 0, "\(demo.stderr)")
    let recipient = try created(
      cli.run(
        "recipient", "add", "--name", "Fiktiv Overgang", "--national-id", "15849049914",
        "--as", "siri.fjell", "--json"))
    _ = try created(
      cli.run(
        "consent", "add", "--recipient", recipient, "--services", "psykisk-helse-rus,nav,tsb",
        "--categories", "identity,plan,group,handover", "--as", "siri.fjell", "--json"))
    return (cli, recipient)
  }

  func created(_ result: CommandResult) throws -> String { try result.createdID() }

  func json(_ result: CommandResult) throws -> [String: Any] {
    #expect(result.status == 0, "\(result.stderr)")
    return try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
      "\(result.stdout)")
  }

  func planned(days: Int) -> String {
    let date = Date().addingTimeInterval(Double(days) * 86_400)
    return date.formatted(.iso8601.year().month().day().dateSeparator(.dash))
  }

  @Test("propose --json prints the id; accept, show, list, inbox, checklist, check as fixed")
  func lifecycle() throws {
    let (cli, recipient) = try prepared()
    let id = try created(
      cli.run(
        "handover", "propose", "--recipient", recipient, "--kind", "discharge-to-aftercare",
        "--mode", "referral", "--to-staff", "jon.rud", "--planned", planned(days: 20),
        "--notes", "Innlagt 12 uker", "--as", "siri.fjell", "--json"))
    let inbox = try json(cli.run("handover", "inbox", "--as", "jon.rud", "--json"))
    let incoming = try #require(inbox["incoming"] as? [[String: Any]])
    #expect(incoming.count == 1)
    #expect(incoming.first?["isLateNotice"] as? Bool == false)
    let checklist = try cli.run("handover", "checklist", id, "--as", "jon.rud")
    #expect(checklist.stdout.contains("[ ] housing"), "\(checklist.stdout)")
    #expect(try cli.run("handover", "check", id, "housing", "--as", "jon.rud").status == 0)
    let accept = try cli.run("handover", "accept", id, "--as", "jon.rud")
    #expect(accept.status == 0, "\(accept.stderr)")
    let shown = try json(cli.run("handover", "show", id, "--as", "siri.fjell", "--json"))
    let handover = try #require(shown["handover"] as? [String: Any])
    #expect(handover["state"] as? String == "accepted")
    #expect(shown["notes"] as? String == "Innlagt 12 uker")
    let list = try cli.run("handover", "list", "--recipient", recipient, "--as", "siri.fjell")
    #expect(list.stdout.contains(id) && list.stdout.contains("accepted"))
    let holder = try cli.run("handover", "holder", "--recipient", recipient, "--as", "siri.fjell")
    #expect(holder.stdout.hasPrefix("siri.fjell"), "\(holder.stdout)")
  }

  @Test(
    "a transfer: reject needs a known --category and --reason; withdraw is the sender's; accept moves the holder"
  )
  func transfer() throws {
    let (cli, recipient) = try prepared()
    let id = try created(
      cli.run(
        "handover", "propose", "--recipient", recipient, "--kind", "coordinator-change",
        "--mode", "transfer", "--to-staff", "leif.berg", "--planned", planned(days: 3),
        "--as", "siri.fjell", "--json"))
    let unknownCategory = try cli.run(
      "handover", "reject", id, "--category", "busy", "--reason", "Nei", "--as", "leif.berg")
    #expect(unknownCategory.status != 0)
    #expect(unknownCategory.errorLines.count == 1, "\(unknownCategory.stderr)")
    #expect(
      unknownCategory.stderr.contains("unknown rejection category 'busy'"),
      "\(unknownCategory.stderr)")
    let noReason = try cli.run(
      "handover", "reject", id, "--category", "no-capacity", "--as", "leif.berg")
    #expect(noReason.status != 0)
    #expect(noReason.errorLines.count == 1, "\(noReason.stderr)")
    #expect(noReason.stderr.contains("a rejection needs a reason"), "\(noReason.stderr)")
    let withdrawByReceiver = try cli.run("handover", "withdraw", id, "--as", "leif.berg")
    #expect(withdrawByReceiver.status != 0)
    #expect(try cli.run("handover", "accept", id, "--as", "leif.berg").status == 0)
    let holder = try cli.run("handover", "holder", "--recipient", recipient, "--as", "leif.berg")
    #expect(holder.stdout.hasPrefix("leif.berg"), "\(holder.stdout)")
  }

  @Test("bad input: one line on stderr, non-zero exit, no handover stored, the attempt audited")
  func badInput() throws {
    let (cli, recipient) = try prepared()
    let handovers = {
      try DatabaseQueue(path: cli.database.path).read {
        try Int.fetchOne(
          $0, sql: "SELECT COUNT(*) FROM handovers WHERE recipient_id = ?",
          arguments: [recipient]) ?? -1
      }
    }
    let storedBefore = try handovers()
    let cases: [([String], String)] = [
      (
        ["--kind", "holiday", "--mode", "referral", "--to-staff", "jon.rud"],
        "unknown handover kind"
      ),
      (
        ["--kind", "relocation", "--mode", "sideways", "--to-staff", "jon.rud"],
        "unknown handover mode"
      ),
      (
        ["--kind", "relocation", "--mode", "referral", "--to-staff", "siri.fjell"],
        "other than the sender"
      ),
      (
        ["--kind", "relocation", "--mode", "referral", "--to-staff", "ane.moe"],
        "does not cover service fastlege"
      ),
      (
        ["--kind", "relocation", "--mode", "referral", "--to-staff", "no.one"],
        "unknown or deactivated"
      ),
    ]
    for (arguments, message) in cases {
      let before = try cli.auditEntryCount()
      let result = try runCommand(
        CLIFixture.binary,
        ["handover", "propose", "--recipient", recipient, "--planned", planned(days: 10)]
          + arguments + ["--as", "siri.fjell", "--data", cli.data.path],
        environment: CLIFixture.purpose)
      #expect(result.status != 0, "\(arguments)")
      #expect(result.errorLines.count == 1, "\(result.stderr)")
      #expect(result.stderr.contains(message), "\(result.stderr)")
      #expect(try cli.auditEntryCount() == before + 1, "\(arguments)")
    }
    let past = try cli.run(
      "handover", "propose", "--recipient", recipient, "--kind", "relocation", "--mode",
      "referral", "--to-staff", "jon.rud", "--planned", "2020-01-01", "--as", "siri.fjell")
    #expect(past.status != 0 && past.stderr.contains("in the past"), "\(past.stderr)")
    #expect(try handovers() == storedBefore)
  }
}
