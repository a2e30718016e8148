import Foundation
import SamhandTestSupport
import Testing

@Suite("CLI: samhand agenda")
struct AgendaCommandTests {
  /// Today's date in Oslo plus `days`, as the CLI's clock will see it.
  static func osloDate(days: Int) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "Europe/Oslo") ?? .gmt
    let day = calendar.date(byAdding: .day, value: days, to: Date()) ?? Date()
    let parts = calendar.dateComponents([.year, .month, .day], from: day)
    return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
  }

  func created(_ result: CommandResult) throws -> String {
    try PlanCommandTests().created(result)
  }

  @Test("agenda --json lists the coordinator's consent ending; another login's list lacks it")
  func json() throws {
    let cli = try CLIFixture(initialised: false)
    #expect(try cli.run("demo", "--json").status == 0)
    let recipient = try created(
      cli.run(
        "recipient", "add", "--name", "Fiktiv Agendasen", "--national-id", "15849049914",
        "--as", "siri.fjell", "--json"))
    let until = Self.osloDate(days: 10)
    let consent = try created(
      cli.run(
        "consent", "add", "--recipient", recipient, "--services", "psykisk-helse-rus",
        "--categories", "identity", "--until", until, "--as", "siri.fjell", "--json"))
    _ = try created(
      cli.run(
        "plan", "create", "--recipient", recipient, "--coordinator", "siri.fjell", "--as",
        "siri.fjell", "--json"))

    let mine = try cli.run("agenda", "--as", "siri.fjell", "--json")
    #expect(mine.status == 0, "\(mine.stderr)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(mine.stdout.utf8)) as? [String: Any])
    #expect(object["today"] as? String == Self.osloDate(days: 0))
    let items = try #require(object["items"] as? [[String: Any]])
    let item = try #require(items.first { $0["subject"] as? String == consent })
    #expect(item["kind"] as? String == "consent-ending")
    #expect(item["recipient"] as? String == recipient)
    #expect(item["due"] as? String == until)
    #expect(item["overdue"] as? Bool == false)

    let text = try cli.run("agenda", "--as", "siri.fjell")
    #expect(text.stdout.contains("Consents ending"))
    #expect(
      text.stdout.split(separator: "\n").contains {
        $0.contains("due") && $0.contains(until) && $0.contains(consent)
      })

    let other = try cli.run("agenda", "--as", "kari.nes", "--json")
    #expect(other.status == 0, "\(other.stderr)")
    #expect(!other.stdout.contains(consent))
    #expect(!other.stdout.contains(recipient))
    let nobody = try cli.run("agenda", "--as", "nobody", "--json")
    #expect(nobody.status != 0)
  }
}
