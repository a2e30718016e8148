import Foundation

/// The committed results file: ratios against cedarpy and whether the targets are met.
struct Report {
  let policyCount: Int
  let entityCount: Int
  let requestCount: Int
  let allowed: Int
  let samhandNs: Double
  let baseline: CedarpyBaseline.Result
  let latencies: [Double]
  let staffCount: Int
  let whoCanTimes: [Double]
  let whoCanAllowed: Int

  private func micro(_ nanoseconds: Double) -> String {
    String(format: "%.2f µs", nanoseconds / 1000)
  }

  private func verdict(_ met: Bool) -> String { met ? "met" : "NOT met" }

  var markdown: String {
    let ratio = baseline.nanosecondsPerDecision / samhandNs
    let p99 = latencies.percentile(0.99)
    let worstWhoCan = whoCanTimes.last ?? .infinity
    return """
      # policy-bench results

      Corpus: \(policyCount) policies, \(entityCount) entities (staff → team → service →
      municipality, roles, recipients with journal records), \(requestCount) requests, of which
      \(allowed) are allowed by both SamhandPolicy and cedarpy. Release build; both engines run in
      the same process run on the same machine (2 shared cores).

      | measure | SamhandPolicy | cedarpy \(baseline.version) `is_authorized_batch` | ratio |
      | --- | ---: | ---: | ---: |
      | time per decision | \(micro(samhandNs)) | \(micro(baseline.nanosecondsPerDecision)) | \(String(format: "%.1f", ratio)) × faster |
      | decisions per second | \(Int(1e9 / samhandNs)) | \(Int(1e9 / baseline.nanosecondsPerDecision)) | |

      SamhandPolicy latency, each decision timed alone (\(latencies.count) samples): p50
      \(micro(latencies.percentile(0.5))), p99 \(micro(p99)), max \(micro(latencies.last ?? 0)).

      Who-can over \(staffCount) staff (action `readPlan`, \(whoCanTimes.count) recipients):
      median \(String(format: "%.1f", whoCanTimes.percentile(0.5))) ms, worst
      \(String(format: "%.1f", worstWhoCan)) ms (\(whoCanAllowed) allowed for the last recipient).

      Targets: ≥ 5 × cedarpy per decision: \(verdict(ratio >= 5)); p99 ≤ 20 µs: \(verdict(p99 <= 20_000)); who-can over 10 000 staff < 100 ms: \(verdict(worstWhoCan < 100)).

      Run with `ops/bench/policy.sh` (needs `pip install cedarpy`).
      """
  }
}
