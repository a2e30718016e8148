import Foundation
import SamhandTestSupport
import Testing

@Suite("CLI: samhand overview, notice, processing-record")
struct OverviewCommandTests {
  func created(_ result: CommandResult) throws -> String {
    try result.createdID()
  }

  func json(_ result: CommandResult) throws -> Any {
    #expect(result.status == 0, "\(result.stderr)")
    return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
  }

  @Test("the coordinating unit's overview lists plans without content; others get a refusal")
  func plans() throws {
    let cli = try CLIFixture(initialised: false)
    #expect(try cli.run("demo").status == 0)
    let plans = try #require(
      try json(cli.run("overview", "plans", "--as", "mari.holt", "--json")) as? [[String: Any]])
    #expect(!plans.isEmpty)
    for plan in plans {
      #expect(
        Set(plan.keys).isSubset(of: [
          "planId", "recipientId", "status", "service", "registeredBy", "coordinator",
          "nextRevision", "revisionOverdue", "group",
        ]))
    }
    let active = try #require(
      try json(
        cli.run("overview", "plans", "--status", "active", "--as", "liv.dahl", "--json"))
        as? [[String: Any]])
    #expect(active.allSatisfy { $0["status"] as? String == "active" })
    let page = try cli.run("overview", "plans", "--limit", "1", "--as", "mari.holt")
    #expect(page.status == 0 && page.stdout.split(separator: "\n").count == 1)
    #expect(page.stderr.hasPrefix("next: "))

    let refused = try cli.run("overview", "plans", "--as", "kari.nes")
    #expect(refused.status != 0 && refused.stdout.isEmpty)
    #expect(refused.stderr.contains("not allowed: the coordinating unit's overview"))
    let bad = try cli.run("overview", "plans", "--status", "open", "--as", "mari.holt")
    #expect(bad.status != 0 && bad.stderr.contains("unknown plan status 'open'"))
  }

  @Test("a notice is sent by a service, listed, accepted and assigned by the unit")
  func notices() throws {
    let cli = try CLIFixture(initialised: false)
    #expect(try cli.run("demo").status == 0)
    let recipient = try created(
      cli.run(
        "recipient", "add", "--name", "Fiktiv Meldesen", "--national-id", "15849049914",
        "--as", "siri.fjell", "--json"))
    let notice = try created(
      cli.run(
        "notice", "send", "--recipient", recipient, "--need", "coordinator", "--note",
        "Trenger koordinator", "--as", "siri.fjell", "--json"))
    let open = try #require(
      try json(cli.run("overview", "notices", "--open", "--as", "mari.holt", "--json"))
        as? [[String: Any]])
    let listed = try #require(open.first { $0["id"] as? String == notice })
    #expect(listed["note"] as? String == "Trenger koordinator")
    #expect(listed["recipientId"] as? String == recipient)

    let accepted = try #require(
      try json(cli.run("overview", "notices", "accept", notice, "--as", "mari.holt", "--json"))
        as? [String: Any])
    #expect(accepted["status"] as? String == "accepted")
    let assigned = try cli.run(
      "overview", "notices", "assign", notice, "--coordinator", "siri.fjell", "--as", "liv.dahl")
    #expect(assigned.status == 0, "\(assigned.stderr)")
    #expect(assigned.stdout.contains("already holds responsibility"))

    let outsider = try cli.run("overview", "notices", "accept", notice, "--as", "kari.nes")
    #expect(outsider.status != 0 && outsider.stderr.contains("no notice \(notice)"))
    let badNeed = try cli.run(
      "notice", "send", "--recipient", recipient, "--need", "housing", "--as", "siri.fjell")
    #expect(badNeed.status != 0 && badNeed.stderr.contains("unknown need 'housing'"))
  }

  @Test("processing-record prints the record as Markdown or HTML, and refuses other formats")
  func processingRecord() throws {
    let cli = try CLIFixture()
    let markdown = try cli.run("processing-record")
    #expect(markdown.status == 0, "\(markdown.stderr)")
    for expected in [
      "Protokoll over behandlingsaktiviteter", "coordinating-unit", "notices.note_sealed",
      "helse- og omsorgstjenesteloven §7-3", "checkpoint_interval = 1000",
    ] {
      #expect(markdown.stdout.contains(expected), "missing \(expected)")
    }
    #expect(!markdown.stdout.contains("NO BASIS STATED"))
    let html = try cli.run("processing-record", "--format", "html")
    #expect(html.status == 0 && html.stdout.hasPrefix("<!DOCTYPE html>"))
    let record = try #require(
      try json(cli.run("processing-record", "--json")) as? [String: Any])
    #expect((record["categories"] as? [Any])?.count == 7)
    let bad = try cli.run("processing-record", "--format", "pdf")
    #expect(bad.status != 0 && bad.stderr.contains("--format must be md or html"))
  }
}
