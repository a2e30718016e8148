import Foundation

/// The results file: rates, the ratio to raw SHA-256 and whether the targets are met.
struct BenchReport {
  let result: AuditBench.Result

  var seconds: (append: Double, verify: Double, raw: Double) {
    (
      Double(result.appendNanos) / 1e9, Double(result.verifyNanos) / 1e9,
      Double(result.rawHashNanos) / 1e9
    )
  }

  var ratio: Double { seconds.raw / seconds.verify }

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
      | verify (verifier.feed + finish, checkpoints included) | \(format(seconds.verify, 3)) \
      | \(rate(seconds.verify)) | \(megabytes(seconds.verify)) |
      | raw SHA-256 over the same bytes (baseline) | \(format(seconds.raw, 3)) \
      | \(rate(seconds.raw)) | \(megabytes(seconds.raw)) |

      - verify / raw SHA-256 rate: **\(format(ratio, 2))** (target ≥ 0.5)
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
