import Foundation

// audit-tree-bench [ENTRIES] [RESULTS-FILE]: the Merkle tree's costs on the real store.
// Durable appends in the group commit's shape against the same appends without the tree,
// in the same run; then a log of ENTRIES entries (default 10,000,000) built through the real
// append path, and on it inclusion and consistency proofs, witness steps, and verification
// from the database file and in memory. Writes ops/bench/results/audit-tree.md.

let arguments = CommandLine.arguments.dropFirst()
let entries = arguments.first.flatMap { Int($0) } ?? 10_000_000
let resultsPath = arguments.dropFirst().first ?? "ops/bench/results/audit-tree.md"
guard entries >= 10_000 else {
  FileHandle.standardError.write(Data("audit-tree-bench: ENTRIES must be at least 10000\n".utf8))
  exit(2)
}

do {
  let scratch = FileManager.default.temporaryDirectory
    .appending(path: "samhand-audit-tree-bench-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: scratch) }
  var report = TreeBenchReport(entries: entries)
  report.appends = try AppendBench(scratch: scratch).run()
  log("appends: \(report.appends.map { String(format: "%.3f", $0.ratio) })")
  report.memory = try await MemoryVerifyBench(entries: entries).run()
  log("in-memory verify: \(report.memory.seconds) s")
  report.large = try await LargeLogBench(scratch: scratch, entries: entries).run()
  let text = report.markdown
  print(text)
  try Data(text.utf8).write(to: URL(fileURLWithPath: resultsPath))
  print("written to \(resultsPath)")
} catch {
  FileHandle.standardError.write(Data("audit-tree-bench: \(error)\n".utf8))
  exit(2)
}

/// Progress on stderr, so a 10-minute run shows where it is.
func log(_ line: String) {
  FileHandle.standardError.write(Data("[\(Date())] \(line)\n".utf8))
}

/// Seconds `work` took on the wall clock.
func seconds(_ work: () throws -> Void) rethrows -> Double {
  let start = DispatchTime.now().uptimeNanoseconds
  try work()
  return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// Seconds `work` took on the wall clock.
func seconds(_ work: () async throws -> Void) async rethrows -> Double {
  let start = DispatchTime.now().uptimeNanoseconds
  try await work()
  return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// CPU time of the whole process so far, in seconds: what the work cost, whatever share of
/// the cores a loaded machine left it (wall clock alone measures the other builds too).
func processCPUSeconds() -> Double {
  var time = timespec()
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
  return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// The value at quantile `q` (0...1) of `samples`.
func quantile(_ samples: [Double], _ q: Double) -> Double {
  let sorted = samples.sorted()
  return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * q))]
}
