/// How handovers go (L10–L13, L30): by kind and mode, how many were proposed and what became
/// of them (accepted, rejected — also by the rejection's category —, withdrawn, completed,
/// still open), how many came at late notice
/// or are overdue, the median and 90th percentile of days from proposal to acceptance, and how
/// many recipients were ever without a holder of responsibility (which should be none).
///
/// ```swift
/// let report = HandoverReport(facts, holderless: [:], layout: layout, minimumCount: 5,
///   lateNoticeDays: 14, today: today).report
/// ```
public struct HandoverReport: Sendable {
  /// One proposed handover as the report sees it: no recipient, no staff member.
  public struct Fact: Sendable, Equatable {
    public let service: String
    public let proposedOn: CalendarDate
    public let plannedDate: CalendarDate
    public let kind: HandoverKind
    public let mode: HandoverMode
    public let state: HandoverState
    /// Why it was rejected; nil when it was not, or was before categories were recorded.
    public let rejectionCategory: HandoverRejectionCategory?
    public let acceptedOn: CalendarDate?

    public init(
      service: String, proposedOn: CalendarDate, plannedDate: CalendarDate, kind: HandoverKind,
      mode: HandoverMode, state: HandoverState,
      rejectionCategory: HandoverRejectionCategory? = nil, acceptedOn: CalendarDate?
    ) {
      self.service = service
      self.proposedOn = proposedOn
      self.plannedDate = plannedDate
      self.kind = kind
      self.mode = mode
      self.state = state
      self.rejectionCategory = rejectionCategory
      self.acceptedOn = acceptedOn
    }
  }

  public let report: Report

  /// `facts`: the handovers proposed in the report's calendar year, by sending service;
  /// `holderless`: per service, the recipients who were at some moment without a holder.
  public init(
    _ facts: [Fact], holderless: [String: Int], layout: ReportLayout, minimumCount: Int,
    lateNoticeDays: Int, today: CalendarDate
  ) {
    let services = layout.serviceDimension
    let kinds = ReportDimension.flat(Self.kindModes, total: Self.allKinds)
    let states = Self.outcomeDimension
    var outcomes: [[Int]: Int] = [:]
    var late: [[Int]: Int] = [:]
    var overdue: [[Int]: Int] = [:]
    for fact in facts where fact.proposedOn.year == layout.period.year {
      guard let service = services.index(of: fact.service) else { continue }
      let time = ReportDimension.calendarYear.index(
        of: ReportDimension.monthKey(fact.proposedOn.month))!
      let kind = kinds.index(of: Self.key(fact.kind, fact.mode))!
      guard let outcome = Self.outcomeKey(fact).flatMap(states.index(of:)) else { continue }
      outcomes[[service, time, kind, outcome], default: 0] += 1
      if fact.kind.isLateNotice(
        proposedOn: fact.proposedOn, plannedDate: fact.plannedDate, minimumDays: lateNoticeDays)
      {
        late[[service, time, kind], default: 0] += 1
      }
      if fact.state.isOverdue(plannedDate: fact.plannedDate, on: today) {
        overdue[[service, time, kind], default: 0] += 1
      }
    }
    let dimensions = [services, .calendarYear, kinds]
    let stateCube = ProtectedCube(
      ReportCube(dimensions: dimensions + [states], leafCounts: outcomes),
      minimumCount: minimumCount)
    let lateCube = ProtectedCube(
      ReportCube(dimensions: dimensions, leafCounts: late), minimumCount: minimumCount)
    let overdueCube = ProtectedCube(
      ReportCube(dimensions: dimensions, leafCounts: overdue), minimumCount: minimumCount)
    let days = DaysToAcceptance(facts, minimumCount: minimumCount)
    let sections = layout.slices.map { slice in
      let time = ReportLayout.timeKey(slice.period, state: false)
      let rows = (Self.kindModes + [Self.allKinds]).map { kind in
        var cells: [String: ReportCount] = [:]
        for outcome in states.keys {
          cells[outcome] = stateCube.count([slice.service, time, kind, outcome])
        }
        cells["late-notice"] = lateCube.count([slice.service, time, kind])
        cells["overdue"] = overdueCube.count([slice.service, time, kind])
        cells.merge(days.cells(service: slice.service, period: slice.period, kindMode: kind)) { $1 }
        return ReportRow(key: kind, label: Self.label(kind), cells: cells)
      }
      return ReportSection(title: slice.label, columns: Self.columns, rows: rows)
    }
    let holderCube = ProtectedCube(
      ReportCube(
        dimensions: [services],
        leafCounts: Dictionary(
          holderless.compactMap { service, count in
            services.index(of: service).map { ([$0], count) }
          },
          uniquingKeysWith: +)),
      minimumCount: minimumCount)
    let scopeKey = layout.scope?.code ?? ReportLayout.allServices
    let holder = holderCube.count([scopeKey])
    report = Report(
      kind: .handovers, title: "Overganger", layout: layout, minimumCount: minimumCount,
      sections: sections + [
        ReportSection(
          title: "Uten ansvarlig",
          columns: [ReportColumn("holderless", "Mottakere uten ansvarlig")],
          rows: [
            ReportRow(key: "total", label: layout.slices.last!.label, cells: ["holderless": holder])
          ])
      ],
      notes: [Self.holderNote(holder, minimumCount: minimumCount)])
  }

  static let allKinds = "all"
  static let kindModes = HandoverKind.allCases.flatMap { kind in
    HandoverMode.allCases.map { key(kind, $0) }
  }

  static func key(_ kind: HandoverKind, _ mode: HandoverMode) -> String {
    "\(kind.rawValue)/\(mode.rawValue)"
  }

  /// What became of a proposed handover; `open` is still proposed.
  static let outcomes: [(key: String, state: HandoverState, label: String)] = [
    ("accepted", .accepted, "Akseptert"), ("rejected", .rejected, "Avvist"),
    ("withdrawn", .withdrawn, "Trukket"), ("completed", .completed, "Fullført"),
    ("open", .proposed, "Åpne"),
  ]

  /// The rejected by category, old rejections without one as `rejected-unknown`.
  static let rejections: [(key: String, label: String)] =
    HandoverRejectionCategory.allCases.map { ("rejected-\($0.rawValue)", "Avvist: \($0.label)") }
    + [("rejected-unknown", "Avvist: \(HandoverRejectionCategory.notRecordedLabel)")]

  /// Outcomes under `proposed`, the rejected by category under `rejected`: suppression keeps
  /// both sums.
  static let outcomeDimension: ReportDimension = {
    let leaves = outcomes.filter { $0.state != .rejected }.map(\.key) + rejections.map(\.key)
    let keys = leaves + ["rejected", "proposed"]
    let (rejected, proposed) = (leaves.count, leaves.count + 1)
    return ReportDimension(
      keys: keys,
      parents: leaves.map { $0.hasPrefix("rejected-") ? rejected : proposed } + [proposed, nil])
  }()

  /// The leaf of `outcomeDimension` a handover counts in; nil for a draft.
  static func outcomeKey(_ fact: Fact) -> String? {
    guard fact.state == .rejected else {
      return outcomes.first { $0.state == fact.state }?.key
    }
    return "rejected-\(fact.rejectionCategory?.rawValue ?? "unknown")"
  }

  static let columns =
    [ReportColumn("proposed", "Foreslått")]
    + outcomes.flatMap { outcome in
      [ReportColumn(outcome.key, outcome.label)]
        + (outcome.state == .rejected ? rejections.map { ReportColumn($0.key, $0.label) } : [])
    } + [
      ReportColumn("late-notice", "Sent varslet"), ReportColumn("overdue", "Forfalt"),
      ReportColumn("median-days", "Median dager til aksept", unit: .days),
      ReportColumn("p90-days", "90-persentil dager", unit: .days),
    ]

  static func label(_ kindMode: String) -> String {
    guard kindMode != allKinds else { return "Alle" }
    let parts = kindMode.split(separator: "/").map(String.init)
    let kind: String
    switch HandoverKind(rawValue: parts[0]) {
    case .dischargeToAftercare: kind = "Utskrivning til ettervern"
    case .prisonRelease: kind = "Løslatelse"
    case .turning18: kind = "Overgang til voksen (18 år)"
    case .relocation: kind = "Flytting"
    case .coordinatorChange: kind = "Bytte av koordinator"
    case .serviceTransfer, nil: kind = "Overføring mellom tjenester"
    }
    return "\(kind), \(parts[1] == HandoverMode.transfer.rawValue ? "overføring" : "henvisning")"
  }

  static func holderNote(_ holder: ReportCount, minimumCount: Int) -> String {
    switch holder.count {
    case 0?: return "Ingen mottaker har på noe tidspunkt vært uten ansvarlig."
    case let count?:
      return "\(count) mottakere har på et tidspunkt vært uten ansvarlig: se overgangene."
    case nil:
      return
        "Færre enn \(minimumCount) mottakere har på et tidspunkt vært uten ansvarlig: se overgangene."
    }
  }
}
