import ArgumentParser
import SamhandCore
import SamhandService

/// `samhand report indicators|handovers|life-domains`: counts for one fixed period, every
/// small count suppressed, no identifier of anyone (L30–L32).
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Aggregate reports for one month, quarter or year; small counts suppressed.",
    subcommands: [Indicators.self, Handovers.self, LifeDomains.self])

  /// What every report takes.
  struct Options: ParsableArguments {
    @OptionGroup var options: GlobalOptions
    @OptionGroup var actorOptions: ActorOptions
    @Option(name: .long, help: ArgumentHelp("First month.", valueName: "YYYY-MM")) var from: String
    @Option(
      name: .long,
      help: ArgumentHelp(
        "Last month: the period is one month, quarter or year.", valueName: "YYYY-MM"))
    var to: String
    @Option(name: .long, help: ArgumentHelp("Only this service's recipients.", valueName: "CODE"))
    var service: String?
    @Option(name: .long, help: "Split rows by service or month.") var by: String?
    @Option(name: .long, help: "table, json, csv or html (--json means json).") var format = "table"

    func run(_ kind: ReportKind) throws {
      let asked = ReportRequest(
        kind: kind, period: try ReportPeriod(from: from, to: to),
        service: try service.map { try ServiceCode($0) },
        grouping: try by.map { try ReportLayout.Grouping(parsing: $0) } ?? .none)
      let format = try options.json ? .json : ReportFormat(parsing: format)
      let report = try options.open().report(
        asked, as: actorOptions.actor(), options: actorOptions.options)
      print(try report.rendered(format), terminator: format == .json ? "\n" : "")
    }
  }

  struct Indicators: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "Recipients registered, with an active plan, a coordinator, a group; plans activated, "
        + "revised, closed; meetings held and due.")
    @OptionGroup var report: Options
    func run() throws { try report.run(.indicators) }
  }

  struct Handovers: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "Handovers by kind and mode: proposed and what became of them, late notice, overdue, "
        + "days to acceptance, recipients without a holder.")
    @OptionGroup var report: Options
    func run() throws { try report.run(.handovers) }
  }

  struct LifeDomains: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "life-domains",
      abstract: "Latest life-domain scores (green, yellow, red) and their change in the period.")
    @OptionGroup var report: Options
    func run() throws { try report.run(.lifeDomains) }
  }
}
