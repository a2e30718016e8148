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
// With REPORTS_BENCH_DIRECTORY set, seeds into that directory only if it is not there yet and
// keeps it, so that later runs time the reports on the same data without seeding again.

let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let recipientCount = arguments.first ?? 100_000
let runs = arguments.dropFirst().first ?? 5
let resultsURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .appendingPathComponent("../../../ops/bench/results/reports.md").standardized
let kept = ProcessInfo.processInfo.environment["REPORTS_BENCH_DIRECTORY"].map {
  URL(fileURLWithPath: $0)
}
let scratch =
  kept
  ?? FileManager.default.temporaryDirectory
  .appendingPathComponent("samhand-reports-bench-\(UUID().uuidString)")
defer { if kept == nil { try? FileManager.default.removeItem(at: scratch) } }

func seconds(_ duration: Duration) -> Double {
  Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// The process's CPU time so far (user and system, all threads): the machine is shared, so the
/// wall time alone says little about the work done.
func cpuSeconds() -> Double {
  var time = timespec()
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
  return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// The one-minute load average of the machine.
func load() -> Double {
  var averages = [0.0, 0.0, 0.0]
  return getloadavg(&averages, 3) > 0 ? averages[0] : .nan
}

/// Median wall and CPU seconds of `runs` runs of `body`.
func median(_ body: () throws -> Void) rethrows -> (wall: Double, cpu: Double) {
  var walls: [Double] = []
  var cpus: [Double] = []
  for _ in 0..<runs {
    let start = ContinuousClock.now
    let cpuStart = cpuSeconds()
    try body()
    walls.append(seconds(ContinuousClock.now - start))
    cpus.append(cpuSeconds() - cpuStart)
  }
  return (walls.sorted()[runs / 2], cpus.sorted()[runs / 2])
}

let now = Date()
let directory = DataDirectory(url: scratch)
let seeded = FileManager.default.fileExists(atPath: directory.databaseURL.path)
let seedStart = ContinuousClock.now
if !seeded {
  _ = try directory.initialize(by: .operator(osUser: "bench"))
  try ReportSeed(recipients: recipientCount, end: now).run(directory: directory)
}
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

func milliseconds(_ seconds: Double) -> String { String(format: "%.1f", seconds * 1000) }

var rows: [String] = []
var suppressedCounts: [String] = []
var loads: [String] = [String(format: "%.2f", load())]
for measure in measures {
  var rowsCounted = 0
  let baseline = try median { rowsCounted = try countAll(measure.tables) }
  var report: Report?
  let time = try median { report = try measure.run() }
  loads.append(String(format: "%.2f", load()))
  let cells = report!.sections.flatMap(\.rows).flatMap(\.cells.values)
  suppressedCounts.append("\(measure.name) \(cells.filter(\.suppressed).count) of \(cells.count)")
  rows.append(
    "| \(measure.name) | \(rowsCounted) | \(milliseconds(baseline.wall)) | "
      + "\(milliseconds(time.wall)) | \(milliseconds(time.cpu)) | "
      + "\(String(format: "%.1f", time.wall / baseline.wall)) | < \(Int(measure.target * 1000)) | "
      + "\(time.wall < measure.target ? "met" : "missed") |")
}
let seeding =
  seeded
  ? "seeded by an earlier run into REPORTS_BENCH_DIRECTORY"
  : "seeded straight through the store in \(String(format: "%.0f", seedSeconds)) s"

let text = """
  # reports-bench results

  `ops/bench/reports.sh`, \(ISO8601DateFormatter().string(from: Date())): release build,
  \(ProcessInfo.processInfo.activeProcessorCount) cores shared. \(recipientCount) recipients over
  eight services \(seeding),
  spread over the past year (ReportSeed: four in five with a plan, a group and a meeting, every
  third a handover, a mapping of five life domains for everyone and a second for every third).
  Each report for the whole year \(year), split by month, municipality-wide, median of \(runs):
  the store's counting (for life domains: every score opened under the key ring), the cubes,
  suppression and the report. Baseline: a plain `SELECT count(*)` over the same tables in the
  same run. The gate's decision and audit entry come on top (`http-floor.md`). Wall time is
  what the targets are about; CPU ms is the process's user and system time for the same run
  (above the wall time when the work uses both cores). The machine's one-minute load average
  before the first report and after each: \(loads.joined(separator: ", ")).

  | report | rows in its tables | count(*) ms (baseline) | report ms | report CPU ms | × baseline | target ms | |
  |---|---:|---:|---:|---:|---:|---:|---|
  \(rows.joined(separator: "\n"))

  Suppressed cells in the published reports: \(suppressedCounts.joined(separator: "; ")).

  """
try text.write(to: resultsURL, atomically: true, encoding: .utf8)
print(text)
