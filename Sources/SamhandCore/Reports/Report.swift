/// A published report (L30–L32): tables of counts by service or month, with Norwegian labels,
/// every small count suppressed, and no identifier of any person. What the CLI and the API
/// render as a table, JSON, CSV or HTML.
///
/// ```swift
/// let report = IndicatorReport(data, layout: layout, minimumCount: 5).report
/// report.sections[0].rows[0].cells["active-plan"]   // ReportCount(12)
/// ```
public struct Report: Sendable, Encodable {
  public let kind: ReportKind
  public let title: String
  /// `2026-Q1`, and its Norwegian name.
  public let period: String
  public let periodLabel: String
  /// `municipality` or a service code, and its name.
  public let scope: String
  public let scopeLabel: String
  /// Counts from 1 to this minus one are suppressed.
  public let minimumCount: Int
  public let sections: [ReportSection]
  /// Sentences a reader must not miss (e.g. that no recipient was ever without a holder).
  public let notes: [String]

  public init(
    kind: ReportKind, title: String, layout: ReportLayout, minimumCount: Int,
    sections: [ReportSection], notes: [String] = []
  ) {
    self.kind = kind
    self.title = title
    period = layout.period.description
    periodLabel = layout.period.label
    scope = layout.scope?.code ?? "municipality"
    scopeLabel = layout.scope?.name ?? ReportLayout.municipalityLabel
    self.minimumCount = minimumCount
    self.sections = sections
    self.notes = notes
  }
}

/// The three reports.
public enum ReportKind: String, Sendable, Encodable, CaseIterable {
  case indicators
  case handovers
  case lifeDomains = "life-domains"
}

/// One table of a report.
public struct ReportSection: Sendable, Encodable {
  public let title: String
  public let columns: [ReportColumn]
  public let rows: [ReportRow]

  public init(title: String, columns: [ReportColumn], rows: [ReportRow]) {
    self.title = title
    self.columns = columns
    self.rows = rows
  }
}

/// A column: its key in JSON and CSV, its Norwegian label, and whether it counts people or
/// events (`count`) or gives a number of days (`days`, still carried in `count`).
public struct ReportColumn: Sendable, Encodable, Equatable {
  public enum Unit: String, Sendable, Encodable { case count, days }
  public let key: String
  public let label: String
  public let unit: Unit

  public init(_ key: String, _ label: String, unit: Unit = .count) {
    self.key = key
    self.label = label
    self.unit = unit
  }
}

/// A row: a service, a month, a handover kind or a life domain, with one count per column.
public struct ReportRow: Sendable, Encodable {
  public let key: String
  public let label: String
  public let cells: [String: ReportCount]

  public init(key: String, label: String, cells: [String: ReportCount]) {
    self.key = key
    self.label = label
    self.cells = cells
  }
}
