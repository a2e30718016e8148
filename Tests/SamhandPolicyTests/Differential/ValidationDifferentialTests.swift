import Foundation
import SamhandPolicy
import Testing

/// The validator reports only what the schema makes certain, so it must never refuse a policy
/// that Cedar's own validator accepts; and it must catch most of what Cedar catches.
@Suite("differential: the validator never refuses what Cedar's validator accepts")
struct ValidationDifferentialTests {
  @Test("2 000 generated policies against the sample schema")
  func agreesWithCedar() throws {
    var generator = SchemaPolicyGenerator(seed: DifferentialTests.seed)
    let texts = (0..<2000).map { _ in generator.policy() }
    let schema = try Schema(json: Data(SampleDirectory.schema.utf8), fileName: "schema.json")
    let reference = try ReferenceHarness().validate(texts, schema: SampleDirectory.schema)
    try #require(reference.count == texts.count)
    var falseRefusals: [String] = []
    var bothRefuse = 0
    var cedarOnly = 0
    for (text, theirs) in zip(texts, reference) {
      #expect(!theirs.parseError, "generated text does not parse: \(text)")
      let ours: Bool
      do {
        _ = try PolicySet.parse(files: [("p.cedar", text)], schema: schema)
        ours = true
      } catch {
        ours = false
        if theirs.valid { falseRefusals.append("\(text)\n  ours: \(error)") }
      }
      if !ours && !theirs.valid { bothRefuse += 1 }
      if ours && !theirs.valid { cedarOnly += 1 }
    }
    #expect(
      falseRefusals.isEmpty,
      "seed \(DifferentialTests.seed): refused although Cedar accepts:\n\(falseRefusals.prefix(5).joined(separator: "\n"))"
    )
    #expect(bothRefuse > 500, "too few refusals generated: \(bothRefuse)")
    #expect(cedarOnly * 10 < bothRefuse, "misses too much: \(cedarOnly) refusals only by Cedar")
    print("validation differential: both refuse \(bothRefuse), only Cedar refuses \(cedarOnly)")
  }
}
