/// A fixed reporting period: one calendar month, one quarter or one calendar year (L32).
/// Reports cover only these, never an arbitrary range, so that two reports cannot be
/// differenced down to one person.
///
/// ```swift
/// let period = try ReportPeriod(from: "2026-01", to: "2026-03")   // 1. kvartal 2026
/// period.months   // 1...3
/// ```
public enum ReportPeriod: Sendable, Hashable, CustomStringConvertible {
  case month(year: Int, month: Int)
  case quarter(year: Int, quarter: Int)
  case year(Int)

  /// The period from `from` to `to` (both `YYYY-MM`), which must be exactly one month, one
  /// quarter or one year.
  public init(from: String, to: String) throws(ReportError) {
    let (start, end) = (try Self.month(from), try Self.month(to))
    guard start.year == end.year, start.month <= end.month else {
      throw .notAFixedPeriod(from: from, to: to)
    }
    switch (start.month, end.month) {
    case (let first, let last) where first == last:
      self = .month(year: start.year, month: first)
    case (1, 12):
      self = .year(start.year)
    case (let first, let last) where first % 3 == 1 && last == first + 2:
      self = .quarter(year: start.year, quarter: (first - 1) / 3 + 1)
    default:
      throw .notAFixedPeriod(from: from, to: to)
    }
  }

  private static func month(_ text: String) throws(ReportError) -> (year: Int, month: Int) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
      let year = Int(parts[0]), let month = Int(parts[1]), (1900...9999).contains(year),
      (1...12).contains(month)
    else { throw .invalidMonth(text) }
    return (year, month)
  }

  public var year: Int {
    switch self {
    case .month(let year, _), .quarter(let year, _): return year
    case .year(let year): return year
    }
  }

  /// The months of `year` the period covers.
  public var months: ClosedRange<Int> {
    switch self {
    case .month(_, let month): return month...month
    case .quarter(_, let quarter): return (quarter * 3 - 2)...(quarter * 3)
    case .year: return 1...12
    }
  }

  /// The first and the last day of the period.
  public var firstDay: CalendarDate { CalendarDate(year: year, month: months.lowerBound, day: 1)! }
  public var lastDay: CalendarDate {
    CalendarDate(
      year: year, month: months.upperBound, day: Self.days(in: months.upperBound, of: year))!
  }

  static func days(in month: Int, of year: Int) -> Int {
    switch month {
    case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// `2026-03`, `2026-Q1` or `2026`.
  public var description: String {
    switch self {
    case .month(let year, let month): return "\(year)-\(month < 10 ? "0" : "")\(month)"
    case .quarter(let year, let quarter): return "\(year)-Q\(quarter)"
    case .year(let year): return "\(year)"
    }
  }

  /// The bokmål name: `mars 2026`, `1. kvartal 2026`, `2026`.
  public var label: String {
    switch self {
    case .month(let year, let month): return "\(Self.monthNames[month - 1]) \(year)"
    case .quarter(let year, let quarter): return "\(quarter). kvartal \(year)"
    case .year(let year): return "\(year)"
    }
  }

  static let monthNames = [
    "januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september",
    "oktober", "november", "desember",
  ]
}

/// A report request that cannot be answered as asked.
public enum ReportError: Error, Equatable, Sendable, CustomStringConvertible {
  case invalidMonth(String)
  case notAFixedPeriod(from: String, to: String)
  case unknownGrouping(String)
  case unknownFormat(String)

  public var description: String {
    switch self {
    case .invalidMonth(let text): return "'\(text)' is not a month: use YYYY-MM, e.g. 2026-03"
    case .notAFixedPeriod(let from, let to):
      return "\(from) to \(to) is not a fixed period: a report covers one month (2026-03 to "
        + "2026-03), one quarter (2026-01 to 2026-03) or one year (2026-01 to 2026-12)"
    case .unknownGrouping(let text): return "unknown grouping '\(text)': use service or month"
    case .unknownFormat(let text): return "unknown format '\(text)': use table, json, csv or html"
    }
  }
}
