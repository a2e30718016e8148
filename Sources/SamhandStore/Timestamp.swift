import Foundation

/// UTC ISO 8601 timestamps with milliseconds (`2026-11-23T07:35:32.123Z`), the one text form
/// of times in the database. Written and read by hand: every gated request formats or parses
/// a few, and Foundation's format styles cost microseconds and allocations each. A test
/// checks both directions against Foundation's calendar and ISO 8601 style.
enum Timestamp {
  static func format(_ date: Date) -> String {
    let millis = milliseconds(date)
    let (days, msOfDay) = floorDivide(millis, 86_400_000)
    let (year, month, day) = civil(fromDays: days)
    var bytes = [UInt8]()
    bytes.reserveCapacity(24)
    appendDigits(year, count: 4, to: &bytes)
    bytes.append(UInt8(ascii: "-"))
    appendDigits(month, count: 2, to: &bytes)
    bytes.append(UInt8(ascii: "-"))
    appendDigits(day, count: 2, to: &bytes)
    bytes.append(UInt8(ascii: "T"))
    appendDigits(msOfDay / 3_600_000, count: 2, to: &bytes)
    bytes.append(UInt8(ascii: ":"))
    appendDigits(msOfDay / 60_000 % 60, count: 2, to: &bytes)
    bytes.append(UInt8(ascii: ":"))
    appendDigits(msOfDay / 1000 % 60, count: 2, to: &bytes)
    bytes.append(UInt8(ascii: "."))
    appendDigits(msOfDay % 1000, count: 3, to: &bytes)
    bytes.append(UInt8(ascii: "Z"))
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The instant `text` names, or nil unless it has exactly the form `format` writes.
  static func parse(_ text: String) -> Date? {
    var text = text
    return text.withUTF8(parse(bytes:))
  }

  /// The last whole millisecond not after `date`; one whose nearest `Double` is `date` itself
  /// counts as not after it, so that a parsed time formats back to the same text.
  /// Counted from the reference date, which is what `Date` stores.
  static func milliseconds(_ date: Date) -> Int64 {
    let seconds = date.timeIntervalSinceReferenceDate
    let floor = Int64((seconds * 1000).rounded(.down))
    let sinceReference = Double(floor + 1) / 1000 == seconds ? floor + 1 : floor
    return sinceReference + referenceDateMillis
  }

  /// 2001-01-01T00:00:00Z in milliseconds since 1970.
  private static let referenceDateMillis: Int64 = 978_307_200_000

  private static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Date? {
    guard bytes.count == 24, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
      bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
      bytes[16] == UInt8(ascii: ":"), bytes[19] == UInt8(ascii: "."),
      bytes[23] == UInt8(ascii: "Z"),
      let year = number(bytes, 0, 4), let month = number(bytes, 5, 2),
      let day = number(bytes, 8, 2), let hour = number(bytes, 11, 2),
      let minute = number(bytes, 14, 2), let second = number(bytes, 17, 2),
      let millis = number(bytes, 20, 3),
      (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day), hour < 24,
      minute < 60, second < 60
    else { return nil }
    let total =
      days(fromCivil: year, month, day) * 86_400_000 + hour * 3_600_000 + minute * 60_000
      + second * 1000 + millis
    return Date(timeIntervalSinceReferenceDate: Double(total - referenceDateMillis) / 1000)
  }

  private static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int)
    -> Int64?
  {
    var value: Int64 = 0
    for index in start..<start + count {
      let digit = bytes[index] &- UInt8(ascii: "0")
      guard digit < 10 else { return nil }
      value = value * 10 + Int64(digit)
    }
    return value
  }

  private static func appendDigits(_ value: Int64, count: Int, to bytes: inout [UInt8]) {
    var divisor: Int64 = 1
    for _ in 1..<count { divisor *= 10 }
    var rest = value
    while divisor > 0 {
      bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor % 10))
      rest %= divisor
      divisor /= 10
    }
  }

  private static func floorDivide(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
    let remainder = value % divisor
    return remainder < 0 ? (value / divisor - 1, remainder + divisor) : (value / divisor, remainder)
  }

  private static func isLeap(_ year: Int64) -> Bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
  }

  private static func daysIn(month: Int64, year: Int64) -> Int64 {
    switch month {
    case 2: isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
  private static func days(fromCivil year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
    let shifted = month <= 2 ? year - 1 : year
    let era = (shifted >= 0 ? shifted : shifted - 399) / 400
    let yearOfEra = shifted - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The proleptic Gregorian date `days` after 1970-01-01.
  private static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
    let shifted = days + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }
}
