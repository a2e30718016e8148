extension LifeDomainReport {
  /// The counts of a life-domain report as they are added up, one subject at a time: the
  /// latest score per service, month end, domain and score, and the change per service, domain
  /// and outcome. Kept in flat arrays, since a municipality has hundreds of thousands of
  /// scores and a dictionary update per score and month costs seconds.
  struct Tally {
    private let services: ReportDimension
    private let monthEnds: [CalendarDate]
    private let before: CalendarDate
    private let end: CalendarDate
    private(set) var standing: LeafArray
    private(set) var change: LeafArray

    init(services: ReportDimension, layout: ReportLayout) {
      self.services = services
      let year = layout.period.year
      monthEnds = (1...12).map { ReportPeriod.month(year: year, month: $0).lastDay }
      before = layout.period.firstDay.adding(days: -1)
      end = layout.period.lastDay
      let (serviceCount, domainCount) = (services.keys.count, LifeDomain.allCases.count)
      standing = LeafArray(
        sizes: [serviceCount, 12, domainCount, LifeDomainScore.Score.allCases.count])
      change = LeafArray(sizes: [serviceCount, domainCount, LifeDomainReport.changes.count])
    }

    /// Adds one subject's scores, in any order.
    mutating func add(_ observations: [Observation]) {
      guard !observations.isEmpty else { return }
      let sorted = observations.sorted {
        ($0.domain.position, $0.mappedOn) < ($1.domain.position, $1.mappedOn)
      }
      var start = 0
      while start < sorted.count {
        var stop = start + 1
        while stop < sorted.count, sorted[stop].domain == sorted[start].domain { stop += 1 }
        add(history: sorted[start..<stop])
        start = stop
      }
    }

    /// One subject's scores in one domain, oldest first.
    private mutating func add(history: ArraySlice<Observation>) {
      guard let first = history.first, let service = services.index(of: first.service) else {
        return
      }
      let domain = first.domain.position
      func latest(on day: CalendarDate) -> LifeDomainScore.Score? {
        history.last { $0.mappedOn <= day }?.score
      }
      var next = history.startIndex
      var current: LifeDomainScore.Score?
      for (month, monthEnd) in monthEnds.enumerated() {
        while next < history.endIndex, history[next].mappedOn <= monthEnd {
          current = history[next].score
          next += 1
        }
        guard let score = current else { continue }
        standing.add([service, month, domain, score.position])
      }
      if let from = latest(on: before), let to = latest(on: end) {
        let outcome = LifeDomainReport.changes.firstIndex {
          $0.key == LifeDomainReport.change(from, to)
        }!
        change.add([service, domain, outcome])
      }
    }
  }

  /// Counts over the leaves of a cube's dimensions, in one flat array.
  struct LeafArray {
    private let sizes: [Int]
    private var counts: [Int]

    init(sizes: [Int]) {
      self.sizes = sizes
      counts = Array(repeating: 0, count: sizes.reduce(1, *))
    }

    mutating func add(_ cell: [Int]) {
      counts[zip(cell, sizes).reduce(0) { $0 * $1.1 + $1.0 }] += 1
    }

    /// The non-zero counts, keyed by cell, as `ReportCube` takes them.
    var leafCounts: [[Int]: Int] {
      var leaves: [[Int]: Int] = [:]
      for (index, count) in counts.enumerated() where count > 0 {
        var cell = Array(repeating: 0, count: sizes.count)
        var rest = index
        for axis in sizes.indices.reversed() {
          (rest, cell[axis]) = rest.quotientAndRemainder(dividingBy: sizes[axis])
        }
        leaves[cell] = count
      }
      return leaves
    }
  }
}

extension LifeDomain {
  /// The domain's place among all domains, which is its leaf in a report's domain dimension.
  var position: Int { LifeDomain.allCases.firstIndex(of: self)! }
}

extension LifeDomainScore.Score {
  /// The score's place among all scores, which is its leaf in a report's score dimension.
  var position: Int { LifeDomainScore.Score.allCases.firstIndex(of: self)! }
}
