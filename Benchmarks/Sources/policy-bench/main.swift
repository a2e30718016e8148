import Foundation
import SamhandPolicy

// Decisions per second and per-decision latency of SamhandPolicy on a realistic corpus
// (≈50 policies, hierarchy depth 3, a few hundred entities), against cedarpy's
// is_authorized_batch on the same corpus in the same run; plus who-can over 10 000 staff.
// Writes ops/bench/results/policy.md.

let corpus = Corpus(seed: 2026, requestCount: 10_000)
let measure = Measure(
  policies: try PolicySet.parse(text: corpus.policyText, fileName: "corpus.cedar"),
  entities: Entities(corpus.entities), requests: corpus.requests)
let allowed = measure.allowedCount()
let samhandNs = measure.nanosecondsPerDecision(rounds: 20)
let latencies = measure.sortedLatencies(rounds: 5)

let large = Corpus(seed: 7, staffCount: 10_000, recipientCount: 50, requestCount: 1)
let largeMeasure = Measure(
  policies: try PolicySet.parse(text: large.policyText, fileName: "corpus.cedar"),
  entities: Entities(large.entities), requests: [])
let staff = large.entities.map(\.uid).filter { $0.type == "Staff" }
let whoCan = largeMeasure.whoCan(among: staff, resources: 10)

let baseline = try CedarpyBaseline.run(corpus, rounds: 3)
guard baseline.allowed == allowed else {
  throw BenchError.disagreement(samhand: allowed, cedarpy: baseline.allowed)
}

let report = Report(
  policyCount: measure.policies.policies.count, entityCount: corpus.entities.count,
  requestCount: corpus.requests.count, allowed: allowed, samhandNs: samhandNs,
  baseline: baseline, latencies: latencies, staffCount: staff.count, whoCanTimes: whoCan.times,
  whoCanAllowed: whoCan.allowed
).markdown
print(report)
let resultsURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .appendingPathComponent("../../../ops/bench/results/policy.md").standardized
try Data((report + "\n").utf8).write(to: resultsURL)
print("wrote \(resultsURL.path)")
