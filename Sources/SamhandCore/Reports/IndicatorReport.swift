/// The municipality's indicators (L30): recipients registered, with an active plan, with a
/// coordinator, with an active responsibility group (at the period's end); plans activated,
/// revised on time and late, closed; group meetings held and due (in the period).
///
/// ```swift
/// let report = IndicatorReport(tallies: counts, layout: layout, minimumCount: 5).report
/// ```
public struct IndicatorReport: Sendable {
  public let report: Report

  /// `tallies` holds, per measure, counts by service and month of the whole calendar year.
  public init(tallies: [IndicatorMeasure: [ReportTally]], layout: ReportLayout, minimumCount: Int) {
    let services = layout.serviceDimension
    let cubes = Dictionary(
      uniqueKeysWithValues: IndicatorMeasure.allCases.map { measure in
        let time: ReportDimension = measure.isState ? .monthEnds : .calendarYear
        let cube = ReportCube.byServiceAndMonth(
          tallies[measure] ?? [], services: services, time: time)
        return (measure, ProtectedCube(cube, minimumCount: minimumCount))
      })
    let rows = layout.slices.map { slice in
      ReportRow(
        key: slice.key, label: slice.label,
        cells: Dictionary(
          uniqueKeysWithValues: IndicatorMeasure.allCases.map { measure in
            let time = ReportLayout.timeKey(slice.period, state: measure.isState)
            return (measure.rawValue, cubes[measure]!.count([slice.service, time]))
          }))
    }
    report = Report(
      kind: .indicators, title: "Indikatorer", layout: layout, minimumCount: minimumCount,
      sections: [
        ReportSection(
          title: "Indikatorer", columns: IndicatorMeasure.allCases.map(\.column), rows: rows)
      ])
  }
}

/// What the indicators count.
public enum IndicatorMeasure: String, Sendable, CaseIterable {
  case registered
  case activePlan = "active-plan"
  case coordinator
  case activeGroup = "active-group"
  case plansActivated = "plans-activated"
  case revisionsOnTime = "revisions-on-time"
  case revisionsLate = "revisions-late"
  case plansClosed = "plans-closed"
  case meetingsHeld = "meetings-held"
  case meetingsDue = "meetings-due"

  /// Recipients in a state at the end of each month (true), or events in each month.
  public var isState: Bool {
    switch self {
    case .registered, .activePlan, .coordinator, .activeGroup: return true
    default: return false
    }
  }

  public var column: ReportColumn {
    switch self {
    case .registered: return ReportColumn(rawValue, "Registrerte")
    case .activePlan: return ReportColumn(rawValue, "Med aktiv plan")
    case .coordinator: return ReportColumn(rawValue, "Med koordinator")
    case .activeGroup: return ReportColumn(rawValue, "Med ansvarsgruppe")
    case .plansActivated: return ReportColumn(rawValue, "Planer aktivert")
    case .revisionsOnTime: return ReportColumn(rawValue, "Revidert i tide")
    case .revisionsLate: return ReportColumn(rawValue, "Revidert for sent")
    case .plansClosed: return ReportColumn(rawValue, "Planer avsluttet")
    case .meetingsHeld: return ReportColumn(rawValue, "Møter holdt")
    case .meetingsDue: return ReportColumn(rawValue, "Møter planlagt")
    }
  }
}
