import Foundation
import SamhandCore
import SamhandStore

/// A report as asked for: which, for which fixed period, on one service's recipients or the
/// municipality's, split by service or month or not at all.
public struct ReportRequest: Sendable, Equatable {
  public let kind: ReportKind
  public let period: ReportPeriod
  public let service: ServiceCode?
  public let grouping: ReportLayout.Grouping

  public init(
    kind: ReportKind, period: ReportPeriod, service: ServiceCode?, grouping: ReportLayout.Grouping
  ) {
    self.kind = kind
    self.period = period
    self.service = service
    self.grouping = grouping
  }
}

extension SamhandService {
  /// Runs a report (L30–L32). The policies decide `report` on the report itself (one
  /// service's, or the municipality's), not on any recipient: a report returns counts, every
  /// one from 1 to `report_min_count` − 1 suppressed, and nothing of a person, so it makes no
  /// entry in any recipient's access log. The run is audited as one entry on the report, with
  /// no recipient id. Counts are read on the snapshot the decision was made on.
  public func report(_ asked: ReportRequest, as actor: Actor, options: RequestOptions) throws
    -> Report
  {
    let today = CalendarDate.today(clock)
    let minimumCount = settings.reportMinCount
    let lateNoticeDays = settings.lateNoticeDays
    return try gate.read(
      request(actor, .report, "report.\(asked.kind.rawValue)", options),
      notFound: .notFound(kind: "service", id: asked.service?.rawValue ?? ""),
      resolve: { transaction in
        guard let code = asked.service else { return .report(nil) }
        return try transaction.services().contains { $0.code == code } ? .report(code) : nil
      },
      read: { snapshot, _ in
        let services = try snapshot.services().map {
          ReportLayout.Service(code: $0.code.rawValue, name: $0.name)
        }
        let layout = ReportLayout(
          period: asked.period, services: services,
          scope: asked.service.flatMap { code in services.first { $0.code == code.rawValue } },
          grouping: asked.grouping)
        let year = asked.period.year
        switch asked.kind {
        case .indicators:
          return IndicatorReport(
            tallies: try snapshot.indicatorTallies(year: year), layout: layout,
            minimumCount: minimumCount
          ).report
        case .handovers:
          return HandoverReport(
            try snapshot.handoverFacts(year: year), holderless: try snapshot.holderlessRecipients(),
            layout: layout, minimumCount: minimumCount, lateNoticeDays: lateNoticeDays, today: today
          ).report
        case .lifeDomains:
          return LifeDomainReport(
            try snapshot.lifeDomainObservations(
              through: ReportPeriod.month(year: year, month: 12).lastDay),
            layout: layout, minimumCount: minimumCount
          ).report
        }
      })
  }
}
