/// What a report is asked for: its period, whose recipients (one service or the municipality)
/// and how its rows are split. Every report is cut from cubes over the whole municipality and
/// the whole calendar year, suppressed once, so that any two reports agree on what is hidden.
///
/// ```swift
/// let layout = ReportLayout(period: try ReportPeriod(from: "2026-01", to: "2026-03"),
///   services: services, scope: nil, grouping: .month)
/// ```
public struct ReportLayout: Sendable {
  /// A service and its name.
  public struct Service: Sendable, Equatable {
    public let code: String
    public let name: String
    public init(code: String, name: String) {
      self.code = code
      self.name = name
    }
  }

  /// How rows are split: not at all, by service or by month.
  public enum Grouping: String, Sendable, CaseIterable {
    case none, service, month

    public init(parsing text: String) throws(ReportError) {
      guard let grouping = Grouping(rawValue: text), grouping != .none else {
        throw .unknownGrouping(text)
      }
      self = grouping
    }
  }

  /// One row of the requested split: which service node and which period it reads.
  public struct Slice: Sendable {
    public let key: String
    public let label: String
    public let service: String
    public let period: ReportPeriod
  }

  public static let municipalityLabel = "Hele kommunen"
  public static let allServices = "all"

  public let period: ReportPeriod
  /// Every service of the installation, in the service dimension's order.
  public let services: [Service]
  /// The service reported on, or nil for the municipality.
  public let scope: Service?
  public let grouping: Grouping

  public init(period: ReportPeriod, services: [Service], scope: Service?, grouping: Grouping) {
    self.period = period
    self.services = services
    self.scope = scope
    self.grouping = grouping
  }

  /// The service dimension: every service, and the municipality as their sum.
  public var serviceDimension: ReportDimension {
    .flat(services.map(\.code), total: Self.allServices)
  }

  /// The rows asked for, the total last.
  public var slices: [Slice] {
    let scopeKey = scope?.code ?? Self.allServices
    let scopeLabel = scope?.name ?? Self.municipalityLabel
    let total = Slice(key: "total", label: scopeLabel, service: scopeKey, period: period)
    switch grouping {
    case .none:
      return [total]
    case .service:
      let shown = scope.map { [$0] } ?? services
      let rows = shown.map { Slice(key: $0.code, label: $0.name, service: $0.code, period: period) }
      return scope == nil ? rows + [total] : rows
    case .month:
      let rows = period.months.map { month in
        let period = ReportPeriod.month(year: period.year, month: month)
        return Slice(
          key: period.description, label: period.label, service: scopeKey, period: period)
      }
      return period.months.count == 1 ? rows : rows + [total]
    }
  }

  /// The time node a count for `period` is read from: for counts of events the month, quarter
  /// or year itself; for counts of a state, the last month (the state at the period's end).
  public static func timeKey(_ period: ReportPeriod, state: Bool) -> String {
    if state { return ReportDimension.monthKey(period.months.upperBound) }
    switch period {
    case .month(_, let month): return ReportDimension.monthKey(month)
    case .quarter(_, let quarter): return "Q\(quarter)"
    case .year: return "year"
    }
  }
}
