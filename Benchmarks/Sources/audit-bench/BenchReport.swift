import Foundation

/// The results file: rates, the ratio to raw SHA-256 and whether the targets are met.
struct BenchReport {
  let result: AuditBench.Result

  var seconds: (append: Double, verify: Double, serialVerify: Double, raw: Double) {
    (
      Double(result.appendNanos) / 1e9, Double(result.verifyNanos) / 1e9,
      Double(result.serialVerifyNanos) / 1e9, Double(result.rawHashNanos) / 1e9
    )
  }

  /// Wall-clock verify rate over the one-core raw hash rate. The chain itself is hashed on one
  /// core, as the baseline is; only checkpoint signatures run on a second core.
  var ratio: Double { seconds.raw / seconds.verify }
  /// The same with every signature checked on the same core as the chain.
  var serialRatio: Double { seconds.raw / seconds.serialVerify }
  /// The one-core ratio in thread CPU time, which load on the machine hardly changes.
  var serialCPURatio: Double {
    Double(result.rawHashCPUNanos) / Double(max(result.serialVerifyCPUNanos, 1))
  }
  /// The one-core CPU ratio without the signatures: the chain's critical path when a free
  /// second core checks them.
  var overlappedCPURatio: Double {
    Double(result.rawHashCPUNanos)
      / Double(max(result.serialVerifyCPUNanos - result.signaturesCPUNanos, 1))
  }

  var intact: Bool {
    result.report?.intact == true && result.report?.entriesChecked == Int64(result.entries)
      && result.report?.checkpointsChecked == result.checkpoints
  }

  var meetsTargets: Bool {
    intact && ratio >= 0.5 && (result.entries < 10_000_000 || seconds.verify < 10)
  }

  var markdown: String {
    let count = Double(result.entries)
    let perEntry = Double(result.bytesHashed) / count
    return """
      # audit-bench results

      Streamed log of \(result.entries) entries, a signed checkpoint every 1,000 \
      (\(result.checkpoints) checkpoints), release build, \
      \(ProcessInfo.processInfo.activeProcessorCount) cores shared. \
      Bytes hashed per entry (previous hash + canonical encoding): \(format(perEntry, 1)).

      | measure | seconds | entries/s | MB/s hashed |
      |---|---:|---:|---:|
      | append (chain hash, reused buffer) | \(format(seconds.append, 3)) | \(rate(seconds.append)) | |
      | verify, batches (feed(contentsOf:) + finish; encoding and signatures on a 2nd core) \
      | \(format(seconds.verify, 3)) | \(rate(seconds.verify)) | \(megabytes(seconds.verify)) |
      | verify, one core (feed per entry + finish; signatures on the same core) \
      | \(format(seconds.serialVerify, 3)) | \(rate(seconds.serialVerify)) \
      | \(megabytes(seconds.serialVerify)) |
      | raw SHA-256 over the same bytes (baseline) | \(format(seconds.raw, 3)) \
      | \(rate(seconds.raw)) | \(megabytes(seconds.raw)) |

      - verify / raw SHA-256 rate: **\(format(ratio, 2))** (target ≥ 0.5; wall clock, \
      chain hashed on one core like the baseline); one core throughout: \(format(serialRatio, 2))
      - one core in thread CPU time (robust to load): raw \
      \(format(Double(result.rawHashCPUNanos) / 1e9, 3)) s, verify \
      \(format(Double(result.serialVerifyCPUNanos) / 1e9, 3)) s, ratio \(format(serialCPURatio, 2)); \
      of which checkpoint signatures \(format(Double(result.signaturesCPUNanos) / 1e9, 3)) s, \
      so with them off the chain's core the ratio would be \(format(overlappedCPURatio, 2))
      - batch verify in CPU time: \
      \(format(Double(result.verifyProcessCPUNanos) / 1e9, 3)) s on all cores for \
      \(format(seconds.verify, 3)) s of wall clock \
      (entries encoded on a 2nd core ahead of the hashing, signatures checked there too)
      - verify total: **\(format(seconds.verify, 2)) s** for \(result.entries) entries \
      (target < 10 s for 10,000,000)
      - verifier report: \(result.report.map { "\($0)" } ?? "none")
      - targets met: \(meetsTargets ? "yes" : "NO")

      """
  }

  private func rate(_ seconds: Double) -> String {
    format(Double(result.entries) / seconds, 0)
  }

  private func megabytes(_ seconds: Double) -> String {
    format(Double(result.bytesHashed) / seconds / 1e6, 0)
  }

  private func format(_ value: Double, _ decimals: Int) -> String {
    String(format: "%.\(decimals)f", value)
  }
}
