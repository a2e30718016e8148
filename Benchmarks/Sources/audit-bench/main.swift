import Foundation

// audit-bench [ENTRIES] [RESULTS-FILE]: append and verify a streamed audit log of ENTRIES
// entries (default 10,000,000, a checkpoint every 1,000) and compare verification with raw
// SHA-256 over the same bytes in the same run. Targets: ratio >= 0.5, verify < 10 s.

let arguments = CommandLine.arguments.dropFirst()
let entries = arguments.first.flatMap { Int($0) } ?? 10_000_000
let resultsPath = arguments.dropFirst().first ?? "ops/bench/results/audit.md"
guard entries > 0 else {
  FileHandle.standardError.write(Data("audit-bench: ENTRIES must be a positive number\n".utf8))
  exit(2)
}

do {
  let result = try await AuditBench(entries: entries, checkpointEvery: 1_000).run()
  let text = BenchReport(result: result).markdown
  print(text)
  try Data(text.utf8).write(to: URL(fileURLWithPath: resultsPath))
  print("written to \(resultsPath)")
  exit(BenchReport(result: result).meetsTargets ? 0 : 1)
} catch {
  FileHandle.standardError.write(Data("audit-bench: \(error)\n".utf8))
  exit(2)
}
