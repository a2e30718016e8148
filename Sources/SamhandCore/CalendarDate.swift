import Foundation

/// A calendar date in Europe/Oslo (deadlines, consent periods, plan periods). Times are UTC
/// instants; a date is what the municipality's calendar says on that instant.
///
/// ```swift
/// let until = try CalendarDate(parsing: "2027-03-31")
/// until < CalendarDate.today(clock)   // expired?
/// ```
public struct CalendarDate: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
  public let year: Int
  public let month: Int
  public let day: Int

  /// The zone the municipality's calendar runs in.
  public static let timeZone = TimeZone(identifier: "Europe/Oslo")!

  private static let calendar: Calendar = {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    return calendar
  }()

  /// The instants of the calendar day `instant` falls on, in the municipality's zone.
  public static func day(containing instant: Date) -> Range<Date> {
    guard let day = calendar.dateInterval(of: .day, for: instant) else { return instant..<instant }
    return day.start..<day.end
  }

  /// Parses `YYYY-MM-DD`, refusing dates that do not exist.
  public init(parsing text: String) throws(DomainError) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
      let date = CalendarDate(year: year, month: month, day: day)
    else { throw .invalidDate(text) }
    self = date
  }

  /// The date, or nil when it does not exist (or lies outside years 1-9999, which
  /// `YYYY-MM-DD` cannot write).
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...NationalID.daysIn(month: month, year: year)).contains(day)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// The Oslo calendar date at `instant`.
  public init(_ instant: Date) {
    let parts = Self.calendar.dateComponents([.year, .month, .day], from: instant)
    year = parts.year ?? 1970
    month = parts.month ?? 1
    day = parts.day ?? 1
  }

  public init(from decoder: any Decoder) throws {
    try self.init(parsing: try decoder.singleValueContainer().decode(String.self))
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }

  public static func today(_ clock: any WallClock) -> CalendarDate { CalendarDate(clock.now) }

  /// The date `days` later (earlier when negative).
  public func adding(days: Int) -> CalendarDate {
    let start = Self.calendar.date(
      from: DateComponents(year: year, month: month, day: day, hour: 12))
    return CalendarDate(
      start.map { Self.calendar.date(byAdding: .day, value: days, to: $0) ?? $0 } ?? Date())
  }

  /// `YYYY-MM-DD`. Built by hand: `String(format:)` goes through CoreFoundation on Linux, and
  /// the gate formats today's date on every request.
  public var description: String {
    func padded(_ value: Int, to width: Int) -> String {
      let digits = String(value)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    return "\(padded(year, to: 4))-\(padded(month, to: 2))-\(padded(day, to: 2))"
  }

  public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }
}
