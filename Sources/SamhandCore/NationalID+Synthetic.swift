extension NationalID {
  /// A valid number in the national register's synthetic range (month + 80) for the given
  /// birth date: the first individual number from `individual` upward whose check digits
  /// exist. For fixtures and demo data, which must never hold a real person's number.
  ///
  /// ```swift
  /// let id = NationalID.synthetic(year: 1990, month: 5, day: 17, individual: 123)
  /// ```
  public static func synthetic(year: Int, month: Int, day: Int, individual: Int) -> NationalID? {
    let range: ClosedRange<Int>
    switch year {
    case 1900...1999: range = 0...499
    case 2000...2039: range = 500...999
    default: return nil
    }
    let start = min(max(individual, range.lowerBound), range.upperBound)
    for number in start...range.upperBound {
      let prefix =
        digits(day, 2) + digits(month + 80, 2) + digits(year % 100, 2)
        + digits(number, 3)
      let base = prefix.compactMap(\.wholeNumberValue)
      for first in 0...9 {
        for second in 0...9 where checkDigitsHold(base + [first, second]) {
          return try? NationalID(prefix + "\(first)\(second)")
        }
      }
    }
    return nil
  }

  private static func digits(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return String(repeating: "0", count: max(0, width - text.count)) + text
  }
}
