/// Where recipients stand across the life domains (L31, Brukerplan): per domain, how many have
/// green, yellow or red as their latest score at the period's end, and how many improved, kept
/// or worsened their score from the day before the period to its end. Built from scores opened
/// in memory; only these counts leave.
///
/// ```swift
/// let report = LifeDomainReport(observations, layout: layout, minimumCount: 5).report
/// ```
public struct LifeDomainReport: Sendable {
  /// One score as the report sees it: `subject` tells one recipient's scores from another's
  /// within one report run and is no identifier of anyone.
  public struct Observation: Sendable, Equatable {
    public let subject: Int
    public let service: String
    public let mappedOn: CalendarDate
    public let domain: LifeDomain
    public let score: LifeDomainScore.Score

    public init(
      subject: Int, service: String, mappedOn: CalendarDate, domain: LifeDomain,
      score: LifeDomainScore.Score
    ) {
      self.subject = subject
      self.service = service
      self.mappedOn = mappedOn
      self.domain = domain
      self.score = score
    }
  }

  public let report: Report

  /// `observations`: every score mapped up to the end of the report's calendar year; fastest
  /// when each subject's scores come together (as the store reads them).
  public init(_ observations: [Observation], layout: ReportLayout, minimumCount: Int) {
    let services = layout.serviceDimension
    let domains = ReportDimension.flat(LifeDomain.allCases.map(\.rawValue), total: nil)
    let scores = ReportDimension.flat(
      LifeDomainScore.Score.allCases.map(\.rawValue), total: "mapped")
    let changes = ReportDimension.flat(Self.changes.map(\.key), total: "compared")
    var tally = Tally(services: services, layout: layout)
    var subject: [Observation] = []
    for observation in Self.groupedBySubject(observations) {
      if let first = subject.first, first.subject != observation.subject {
        tally.add(subject)
        subject.removeAll(keepingCapacity: true)
      }
      subject.append(observation)
    }
    tally.add(subject)
    let standingCube = ProtectedCube(
      ReportCube(
        dimensions: [services, .monthEnds, domains, scores],
        leafCounts: tally.standing.leafCounts),
      minimumCount: minimumCount)
    let changeCube = ProtectedCube(
      ReportCube(dimensions: [services, domains, changes], leafCounts: tally.change.leafCounts),
      minimumCount: minimumCount)
    let sections = layout.slices.map { slice in
      let whole = slice.period == layout.period
      let time = ReportLayout.timeKey(slice.period, state: true)
      let rows = LifeDomain.allCases.map { domain in
        var cells: [String: ReportCount] = [:]
        for score in scores.keys {
          cells[score] = standingCube.count([slice.service, time, domain.rawValue, score])
        }
        if whole {
          for outcome in changes.keys {
            cells[outcome] = changeCube.count([slice.service, domain.rawValue, outcome])
          }
        }
        return ReportRow(key: domain.rawValue, label: domain.label, cells: cells)
      }
      return ReportSection(
        title: slice.label, columns: Self.standingColumns + (whole ? Self.changeColumns : []),
        rows: rows)
    }
    report = Report(
      kind: .lifeDomains, title: "Livsområder (Brukerplan)", layout: layout,
      minimumCount: minimumCount, sections: sections)
  }

  /// `observations` with each subject's together, in the order given when they already are.
  static func groupedBySubject(_ observations: [Observation]) -> [Observation] {
    var seen: Set<Int> = []
    var previous: Int?
    for observation in observations where observation.subject != previous {
      guard seen.insert(observation.subject).inserted else {
        return observations.sorted { $0.subject < $1.subject }
      }
      previous = observation.subject
    }
    return observations
  }

  static let changes: [(key: String, label: String)] = [
    ("improved", "Bedre"), ("unchanged", "Uendret"), ("worsened", "Verre"),
  ]

  static func change(_ from: LifeDomainScore.Score, _ to: LifeDomainScore.Score) -> String {
    let rank: [LifeDomainScore.Score: Int] = [.green: 0, .yellow: 1, .red: 2]
    let delta = rank[to]! - rank[from]!
    return delta < 0 ? "improved" : delta == 0 ? "unchanged" : "worsened"
  }

  static let standingColumns =
    LifeDomainScore.Score.allCases.map { ReportColumn($0.rawValue, $0.label) } + [
      ReportColumn("mapped", "Kartlagt")
    ]
  static let changeColumns =
    changes.map { ReportColumn($0.key, $0.label) } + [ReportColumn("compared", "Sammenlignet")]
}
