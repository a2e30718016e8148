import Foundation
import SamhandPolicy
import Testing

/// Decides generated cases with SamhandPolicy and with cedarpy and demands the same decision,
/// the same set of reasons and the same set of errored policies.
@Suite("differential: SamhandPolicy decides exactly as the Cedar reference")
struct DifferentialTests {
  static let requestsPerSet = 40

  static var caseCount: Int {
    ProcessInfo.processInfo.environment["SAMHAND_CEDAR_CASES"].flatMap { Int($0) } ?? 20_000
  }

  static var seed: UInt64 {
    ProcessInfo.processInfo.environment["SAMHAND_CEDAR_SEED"].flatMap { UInt64($0) }
      ?? 0x5A3D_2026
  }

  @Test("at least 20 000 random requests get the reference's decision, reasons and errors")
  func matchesReference() throws {
    var generator = CaseGenerator(seed: Self.seed)
    let setCount = max(1, Self.caseCount / Self.requestsPerSet)
    let cases = (0..<setCount).map { _ in generator.makeCase(requestCount: Self.requestsPerSet) }
    let harness = ReferenceHarness()
    let reference = try harness.run(cases)
    try #require(reference.count == cases.count)
    var compared = 0
    var coverage = Comparison.Coverage()
    var mismatches: [String] = []
    for (index, item) in cases.enumerated() {
      let result = Comparison.compare(item, reference[index])
      compared += result.compared
      coverage.add(result.coverage)
      guard let mismatch = result.firstMismatch else { continue }
      let minimal = Minimiser(harness: harness).minimise(item, request: mismatch)
      mismatches.append(
        "seed \(Self.seed) set \(index): \(minimal)")
      if mismatches.count >= 3 { break }
    }
    #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n\n"))")
    #expect(compared >= setCount * Self.requestsPerSet, "only \(compared) requests compared")
    let tenth = compared / 10
    #expect(
      compared < 2000
        || coverage.allowed > tenth && coverage.forbidden > tenth / 4 && coverage.errored > tenth,
      "generated cases are too uniform: \(coverage)")
    #expect(coverage.refused <= setCount / 4, "too many policy sets refused: \(coverage)")
    print("differential: \(compared) requests compared, \(coverage)")
  }
}
