/// One count read from the store for a report: how many of something one service had in one
/// month (1–12) of the report's calendar year, at the month's end for states.
public struct ReportTally: Sendable, Equatable {
  public let service: String
  public let month: Int
  public let count: Int

  public init(service: String, month: Int, count: Int) {
    self.service = service
    self.month = month
    self.count = count
  }
}

extension ReportCube {
  /// A cube over services and time from tallies; tallies of unknown services or months
  /// outside 1–12 are left out.
  static func byServiceAndMonth(
    _ tallies: [ReportTally], services: ReportDimension, time: ReportDimension
  ) -> ReportCube {
    var leaves: [[Int]: Int] = [:]
    for tally in tallies {
      guard (1...12).contains(tally.month), let service = services.index(of: tally.service),
        let month = time.index(of: ReportDimension.monthKey(tally.month))
      else { continue }
      leaves[[service, month], default: 0] += tally.count
    }
    return ReportCube(dimensions: [services, time], leafCounts: leaves)
  }
}
