/// Days from proposal to acceptance, as a median and a 90th percentile (nearest rank). A
/// quantile of few values is one person's value, so the median needs at least `minimumCount`
/// accepted handovers behind it and the 90th percentile twice that (so that at least two lie
/// above it); otherwise it is suppressed.
struct DaysToAcceptance: Sendable {
  private let accepted: [HandoverReport.Fact]
  private let minimumCount: Int

  init(_ facts: [HandoverReport.Fact], minimumCount: Int) {
    accepted = facts.filter { $0.acceptedOn != nil }
    self.minimumCount = minimumCount
  }

  /// The two cells for handovers of `service` (or all) proposed in `period`, of `kindMode`
  /// (or all).
  func cells(service: String, period: ReportPeriod, kindMode: String) -> [String: ReportCount] {
    let days = accepted.filter { fact in
      (service == ReportLayout.allServices || fact.service == service)
        && fact.proposedOn.year == period.year && period.months.contains(fact.proposedOn.month)
        && (kindMode == HandoverReport.allKinds
          || HandoverReport.key(fact.kind, fact.mode) == kindMode)
    }.map { $0.proposedOn.days(until: $0.acceptedOn!) }.sorted()
    return [
      "median-days": Self.quantile(days, 0.5, minimumValues: minimumCount),
      "p90-days": Self.quantile(days, 0.9, minimumValues: 2 * minimumCount),
    ]
  }

  static func quantile(_ sorted: [Int], _ fraction: Double, minimumValues: Int) -> ReportCount {
    guard sorted.count >= max(minimumValues, 1) else { return .hidden }
    let rank = Int((fraction * Double(sorted.count)).rounded(.up))
    return ReportCount(sorted[max(rank, 1) - 1])
  }
}
