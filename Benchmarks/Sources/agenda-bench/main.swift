import Foundation
import SamhandCore
import SamhandStore

// The agenda at municipal scale: RECIPIENTS recipients (default 100 000) seeded straight
// through the store, each coordinator with about fifty of them. Times, in one run, for one
// coordinator:
// - the agenda's store queries (one per kind) in-process, against an indexed point read of one
//   recipient (the baseline);
// - `samhand agenda --json` end to end (process start, policies, a decision and an audit
//   entry per recipient and category, durable commit) against `samhand recipient show --json`
//   (the same path for one recipient).
// Writes ops/bench/results/agenda.md.
// Usage: SAMHAND_BIN=path/to/release/samhand agenda-bench [RECIPIENTS] [CLI-RUNS]

let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let recipientCount = arguments.first ?? 100_000
let cliRuns = arguments.dropFirst().first ?? 21
let coordinatorCount = max(1, recipientCount / 50)
let environment = ProcessInfo.processInfo.environment
guard let binary = environment["SAMHAND_BIN"] else {
  FileHandle.standardError.write(Data("set SAMHAND_BIN to a release samhand binary\n".utf8))
  exit(2)
}
let resultsURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .appendingPathComponent("../../../ops/bench/results/agenda.md").standardized

let scratch = FileManager.default.temporaryDirectory
  .appendingPathComponent("samhand-agenda-bench-\(UUID().uuidString)")
defer { try? FileManager.default.removeItem(at: scratch) }

@discardableResult
func samhand(_ arguments: [String]) throws -> (seconds: Double, output: String) {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: binary)
  process.arguments = arguments + ["--data", scratch.path, "--purpose", "follow-up"]
  let pipe = Pipe()
  process.standardOutput = pipe
  let start = ContinuousClock.now
  try process.run()
  let output = pipe.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  let elapsed = seconds(ContinuousClock.now - start)
  guard process.terminationStatus == 0 else {
    throw BenchError.command(arguments.joined(separator: " "), process.terminationStatus)
  }
  return (elapsed, String(decoding: output, as: UTF8.self))
}

enum BenchError: Error { case command(String, Int32) }

func seconds(_ duration: Duration) -> Double {
  Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

func median(_ runs: Int, _ body: () throws -> Void) rethrows -> Double {
  var times: [Double] = []
  for _ in 0..<runs {
    let start = ContinuousClock.now
    try body()
    times.append(seconds(ContinuousClock.now - start))
  }
  return times.sorted()[runs / 2]
}

func ms(_ seconds: Double) -> String { String(format: "%.3f", seconds * 1000) }

try samhand(["init"])
let directory = DataDirectory(url: scratch)
let now = Date()
let today = CalendarDate(now)
let seedStart = ContinuousClock.now
let recipients = try Seed(recipients: recipientCount, coordinators: coordinatorCount, today: today)
  .run(directory: directory, now: now)
let seedSeconds = seconds(ContinuousClock.now - seedStart)

let store = try directory.open().store
let coordinator = Seed.coordinator(0)
let probe = recipients[0]
var items: [AgendaItem] = []
// The store's queries alone, not narrowed: the policies' narrowing is the gate's (lists-bench).
let everyone = RecipientNarrowing(
  Dictionary(uniqueKeysWithValues: InformationCategory.allCases.map { ($0, .always(true)) }),
  at: now)
let agendaQueries = try median(201) {
  items = try store.read {
    try $0.agendaCandidates(of: coordinator, on: today, visible: everyone)
  }
}
let pointRead = try median(201) { _ = try store.read { try $0.recipient(probe) } }
let plans = try store.read { try $0.agendaQueryPlans(of: coordinator, on: today) }

// Warm the page cache and the binary once, then alternate so both see the same machine.
try samhand(["agenda", "--json", "--as", coordinator.rawValue])
var agendaTimes: [Double] = []
var showTimes: [Double] = []
var shownItems = 0
for _ in 0..<cliRuns {
  let agenda = try samhand(["agenda", "--json", "--as", coordinator.rawValue])
  agendaTimes.append(agenda.seconds)
  shownItems = agenda.output.components(separatedBy: "\"kind\"").count - 1
  showTimes.append(
    try samhand(["recipient", "show", probe.rawValue, "--json", "--as", coordinator.rawValue])
      .seconds)
}
let agendaCLI = agendaTimes.sorted()[cliRuns / 2]
let showCLI = showTimes.sorted()[cliRuns / 2]
let distinctRecipients = Set(items.map(\.recipient)).count
let decisions = Set(items.map { "\($0.recipient)/\($0.kind.category)" }).count
let byKind = AgendaItem.Kind.allCases.map { kind in
  "\(kind.rawValue) \(items.filter { $0.kind == kind }.count)"
}.joined(separator: ", ")

var text = """
  # agenda-bench results

  `ops/bench/agenda.sh`, \(ISO8601DateFormatter().string(from: Date())): release build,
  \(ProcessInfo.processInfo.activeProcessorCount) cores shared. \(recipientCount) recipients seeded
  straight through the store in \(String(format: "%.0f", seedSeconds)) s (each with an active
  plan, a consent, a group with a held meeting and an action item, every fifth a proposed
  referral), \(coordinatorCount)
  coordinators with about \(recipientCount / coordinatorCount) recipients each. Measured for one
  coordinator: \(items.count) agenda items (\(byKind)) over \(distinctRecipients) recipients,
  \(decisions) gate decisions (one per recipient and category).

  ## In-process: the store's queries

  | measure | median ms | × baseline |
  |---|---:|---:|
  | indexed point read of one recipient, unsealed (baseline) | \(ms(pointRead)) | 1.0 |
  | the agenda's \(AgendaItem.Kind.allCases.count) queries, \(items.count) candidates | \(ms(agendaQueries)) | \(String(format: "%.1f", agendaQueries / pointRead)) |

  ## End to end: the CLI (median of \(cliRuns), process start included)

  | command | median ms | × baseline |
  |---|---:|---:|
  | `samhand recipient show ID --json` (baseline: one decision, one audit entry) | \(ms(showCLI)) | 1.0 |
  | `samhand agenda --json` (\(shownItems) items, \(decisions) decisions and audit entries) | \(ms(agendaCLI)) | \(String(format: "%.2f", agendaCLI / showCLI)) |

  - the agenda costs **\(ms(agendaCLI - showCLI)) ms** more than showing one recipient, for
    \(decisions - 1) more decisions and audit entries and the \(AgendaItem.Kind.allCases.count)
    queries.

  ## Query plans at this size (no table scans)

  """
for kind in AgendaItem.Kind.allCases {
  text += "\n- `\(kind.rawValue)`: " + (plans[kind] ?? []).joined(separator: "; ")
}
text += "\n"
try text.write(to: resultsURL, atomically: true, encoding: .utf8)
print(text)
