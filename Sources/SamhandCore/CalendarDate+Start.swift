import Foundation

extension CalendarDate {
  /// The instant this day begins in Oslo, to compare stored UTC timestamps with a date.
  public var start: Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = Self.timeZone
    let noon = calendar.date(from: DateComponents(year: year, month: month, day: day, hour: 12))
    return noon.map { calendar.startOfDay(for: $0) } ?? Date(timeIntervalSince1970: 0)
  }
}
