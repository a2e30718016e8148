import Foundation
import GRDB
import SamhandCore
import SamhandStore

// Reports at municipal scale: RECIPIENTS recipients (default 100 000) seeded straight through
// the store over the past year (ReportSeed). Times, in one run, each report as the service
// builds it on its read snapshot (the store's counting queries, the life-domain scores opened
// under the key ring, the cubes and their suppression, the report for the whole year split by
// month), against a plain `SELECT count(*)` over the tables that report reads (the baseline).
// The gate's decision and one audit entry come on top (see http-floor.md for their cost).
// Writes ops/bench/results/reports.md.
// Usage: reports-bench [RECIPIENTS] [RUNS]

let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let recipientCount = arguments.first ?? 100_000
let runs = arguments.dropFirst().first ?? 5
let resultsURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .appendingPathComponent("../../../ops/bench/results/reports.md").standardized
let scratch = FileManager.default.temporaryDirectory
  .appendingPathComponent("samhand-reports-bench-\(UUID().uuidString)")
defer { try? FileManager.default.removeItem(at: scratch) }

func seconds(_ duration: Duration) -> Double {
  Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

func median(_ body: () throws -> Void) rethrows -> Double {
  var times: [Double] = []
  for _ in 0..<runs {
    let start = ContinuousClock.now
    try body()
    times.append(seconds(ContinuousClock.now - start))
  }
  return times.sorted()[runs / 2]
}

let now = Date()
let directory = DataDirectory(url: scratch)
_ = try directory.initialize(by: .operator(osUser: "bench"))
let seedStart = ContinuousClock.now
try ReportSeed(recipients: recipientCount, end: now).run(directory: directory)
let seedSeconds = seconds(ContinuousClock.now - seedStart)

let store = try directory.open().store
let plain = try DatabaseQueue(path: directory.databaseURL.path)
let services = try store.read { try $0.services() }.map {
  ReportLayout.Service(code: $0.code.rawValue, name: $0.name)
}
let year = CalendarDate(now).year
let layout = ReportLayout(period: .year(year), services: services, scope: nil, grouping: .month)
let today = CalendarDate(now)

/// `SELECT count(*)` of each table, in one read transaction: the baseline.
func countAll(_ tables: [String]) throws -> Int {
  try plain.read { db in
    try tables.reduce(0) { $0 + (try Int.fetchOne(db, sql: "SELECT count(*) FROM \($1)") ?? 0) }
  }
}

struct Measure {
  let name: String
  let tables: [String]
  let target: Double
  let run: () throws -> Report
}

let measures = [
  Measure(
    name: "indicators",
    tables: [
      "recipients", "plans", "plan_versions", "plan_coordinators", "groups", "meetings",
      "meeting_minutes", "plan_revisions",
    ], target: 1
  ) {
    try store.read {
      IndicatorReport(tallies: try $0.indicatorTallies(year: year), layout: layout, minimumCount: 5)
        .report
    }
  },
  Measure(
    name: "handovers", tables: ["handovers", "handover_events", "responsibilities", "recipients"],
    target: 1
  ) {
    try store.read {
      HandoverReport(
        try $0.handoverFacts(year: year), holderless: try $0.holderlessRecipients(), layout: layout,
        minimumCount: 5, lateNoticeDays: 14, today: today
      ).report
    }
  },
  Measure(
    name: "life-domains", tables: ["life_domain_scores", "recipients", "recipient_keys"], target: 5
  ) {
    try store.read {
      LifeDomainReport(
        try $0.lifeDomainObservations(through: ReportPeriod.year(year).lastDay), layout: layout,
        minimumCount: 5
      ).report
    }
  },
]

var rows: [String] = []
var suppressedCounts: [String] = []
for measure in measures {
  var rowsCounted = 0
  let baseline = try median { rowsCounted = try countAll(measure.tables) }
  var report: Report?
  let time = try median { report = try measure.run() }
  let cells = report!.sections.flatMap(\.rows).flatMap(\.cells.values)
  suppressedCounts.append("\(measure.name) \(cells.filter(\.suppressed).count) of \(cells.count)")
  rows.append(
    "| \(measure.name) | \(rowsCounted) | \(String(format: "%.1f", baseline * 1000)) | "
      + "\(String(format: "%.1f", time * 1000)) | \(String(format: "%.1f", time / baseline)) | "
      + "< \(Int(measure.target * 1000)) | \(time < measure.target ? "met" : "missed") |")
}

let text = """
  # reports-bench results

  `ops/bench/reports.sh`, \(ISO8601DateFormatter().string(from: Date())): release build,
  \(ProcessInfo.processInfo.activeProcessorCount) cores shared. \(recipientCount) recipients over
  eight services seeded straight through the store in \(String(format: "%.0f", seedSeconds)) s,
  spread over the past year (ReportSeed: four in five with a plan, a group and a meeting, every
  third a handover, a mapping of five life domains for everyone and a second for every third).
  Each report for the whole year \(year), split by month, municipality-wide, median of \(runs):
  the store's counting (for life domains: every score opened under the key ring), the cubes,
  suppression and the report. Baseline: a plain `SELECT count(*)` over the same tables in the
  same run. The gate's decision and audit entry come on top (`http-floor.md`).

  | report | rows in its tables | count(*) ms (baseline) | report ms | × baseline | target ms | |
  |---|---:|---:|---:|---:|---:|---|
  \(rows.joined(separator: "\n"))

  Suppressed cells in the published reports: \(suppressedCounts.joined(separator: "; ")).

  """
try text.write(to: resultsURL, atomically: true, encoding: .utf8)
print(text)
