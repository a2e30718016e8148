import Foundation
import SamhandTestSupport
import Testing

@Suite("CLI: plan and group commands")
struct PlanCommandTests {
  /// A demo municipality with one new recipient of Siri's and a consent covering the plan.
  func prepared() throws -> (CLIFixture, String) {
    let cli = try CLIFixture(initialised: false)
    let demo = try cli.run("demo", "--json")
    #expect(demo.status == 0, "\(demo.stderr)")
    let recipient = try created(
      cli.run(
        "recipient", "add", "--name", "Fiktiv Plansen", "--national-id", "15849049914",
        "--child", "Lille Plansen:sønn", "--as", "siri.fjell", "--json"))
    _ = try created(
      cli.run(
        "consent", "add", "--recipient", recipient, "--services", "psykisk-helse-rus,nav",
        "--categories", "identity,plan,group", "--as", "siri.fjell", "--json"))
    return (cli, recipient)
  }

  func created(_ result: CommandResult) throws -> String { try result.createdID() }

  @Test("plan create, activate and show --json as DESIGN.md fixes them")
  func lifecycle() throws {
    let (cli, recipient) = try prepared()
    let plan = try created(
      cli.run(
        "plan", "create", "--recipient", recipient, "--coordinator", "siri.fjell", "--as",
        "siri.fjell", "--json"))
    let activate = try cli.run("plan", "activate", plan, "--as", "siri.fjell")
    #expect(activate.status == 0, "\(activate.stderr)")
    let show = try cli.run("plan", "show", plan, "--as", "siri.fjell", "--json")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
    #expect(object["status"] as? String == "active")
    #expect(object["coordinator"] as? String == "siri.fjell")
    #expect(object["version"] as? Int == 2)
  }

  @Test("bad input is one line on stderr, a non-zero exit, and nothing written")
  func badInput() throws {
    let (cli, recipient) = try prepared()
    let plan = try created(
      cli.run(
        "plan", "create", "--recipient", recipient, "--coordinator", "siri.fjell", "--as",
        "siri.fjell", "--json"))
    let before = try cli.auditEntryCount()
    for arguments in [
      ["plan", "goal", "add", plan, "--domain", "love", "--text", "x"],
      [
        "plan", "measure", "add", plan, "--description", "x", "--service", "nav", "--start",
        "2027-02-01", "--end", "2027-01-01",
      ],
      ["plan", "export", plan, "--format", "pdf"],
    ] {
      let result = try runCommand(
        CLIFixture.binary, arguments + ["--as", "siri.fjell", "--data", cli.data.path],
        environment: CLIFixture.purpose)
      #expect(result.status != 0, "\(arguments)")
      #expect(result.errorLines.count == 1, "\(result.stderr)")
    }
    #expect(try cli.auditEntryCount() == before)
    let stale = try cli.run("plan", "activate", plan, "--if-version", "7", "--as", "siri.fjell")
    #expect(stale.status != 0)
    #expect(stale.stderr.contains("reload it"))
  }

  @Test("group commands: create, members, meeting, minutes; export renders HTML")
  func group() throws {
    let (cli, recipient) = try prepared()
    let plan = try created(
      cli.run(
        "plan", "create", "--recipient", recipient, "--coordinator", "siri.fjell", "--as",
        "siri.fjell", "--json"))
    #expect(try cli.run("plan", "activate", plan, "--as", "siri.fjell").status == 0)
    let group = try created(
      cli.run("group", "create", "--plan", plan, "--as", "siri.fjell", "--json"))
    _ = try created(
      cli.run(
        "group", "member", "add", group, "--staff", "leif.berg", "--as", "siri.fjell",
        "--json"))
    let member = try created(
      cli.run("group", "member", "add", group, "--recipient", "--as", "siri.fjell", "--json"))
    let meeting = try created(
      cli.run(
        "group", "meeting", "add", group, "--at", "2027-01-10", "--agenda", "Bolig", "--as",
        "siri.fjell", "--json"))
    let minutes = try cli.run(
      "group", "meeting", "minutes", meeting, "--text", "Referat", "--attendee", member,
      "--action", "Søke bolig|\(member)|2027-02-01", "--as", "siri.fjell")
    #expect(minutes.status == 0, "\(minutes.stderr)")
    let shown = try cli.run("group", "show", group, "--as", "leif.berg")
    #expect(shown.status == 0, "\(shown.stderr)")
    #expect(shown.stdout.contains("held"))
    let html = try cli.run("plan", "export", plan, "--format", "html", "--as", "siri.fjell")
    #expect(html.stdout.contains("<h2>Mål</h2>"))
  }
}
