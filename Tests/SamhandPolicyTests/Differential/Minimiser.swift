import SamhandPolicy

/// Shrinks a mismatching case to the fewest policies that still disagree with the reference,
/// and describes it for the failure message.
struct Minimiser {
  let harness: ReferenceHarness

  func minimise(_ item: DifferentialCase, request index: Int) -> String {
    let request = item.requests.indices.contains(index) ? [item.requests[index]] : []
    var current = DifferentialCase(
      policies: item.policies, entities: item.entities, requests: request)
    var removable = current.policies.count - 1
    while removable >= 0, current.policies.count > 1 {
      var candidate = current
      candidate.policies.remove(at: removable)
      if stillMismatches(candidate) { current = candidate }
      removable -= 1
    }
    let ours = Comparison.ours(current)
    let theirs = (try? harness.run([current]))?.first
    return """
      policies:
      \(current.policyText)
      entities: \(CedarJSON.entities(current.entities))
      request: \(current.requests.map(CedarJSON.request).joined())
      samhand: \(ours.parseError ? "parse error" : ours.outcomes.map { "\($0.map(\.description) ?? "entities refused")" }.joined())
      cedar:   \(theirs.map { $0.parseError ? "parse error" : $0.outcomes.map(\.description).joined() } ?? "?")
      """
  }

  private func stillMismatches(_ candidate: DifferentialCase) -> Bool {
    guard let reference = try? harness.run([candidate]).first else { return false }
    return Comparison.compare(candidate, reference).firstMismatch != nil
  }
}
