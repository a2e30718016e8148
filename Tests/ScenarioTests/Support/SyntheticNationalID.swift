import Foundation

/// A synthetic Norwegian national id (month + 80, the test-data convention) for someone born
/// `years` years and `days` days before today, with valid mod-11 check digits. Born in
/// 2000-2039, so the individual number is from 500.
func syntheticNationalID(yearsAgo years: Int, daysAgo days: Int = 30) -> String? {
  var calendar = Calendar(identifier: .gregorian)
  calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
  guard let shifted = calendar.date(byAdding: .year, value: -years, to: Date()),
    let birth = calendar.date(byAdding: .day, value: -days, to: shifted)
  else { return nil }
  let parts = calendar.dateComponents([.year, .month, .day], from: birth)
  guard let year = parts.year, let month = parts.month, let day = parts.day else { return nil }
  return syntheticNationalID(bornYear: year, month: month, day: day)
}

/// A synthetic national id for someone born on the given day of 2000-2039.
func syntheticNationalID(bornYear year: Int, month: Int, day: Int) -> String? {
  guard (2000...2039).contains(year) else { return nil }
  let stem = String(format: "%02d%02d%02d", day, month + 80, year % 100)
  for individual in 500...749 {
    let digits = (stem + String(individual)).compactMap(\.wholeNumberValue)
    guard let first = checkDigit(digits, weights: [3, 7, 6, 1, 8, 9, 4, 5, 2]),
      let second = checkDigit(digits + [first], weights: [5, 4, 3, 2, 7, 6, 5, 4, 3, 2])
    else { continue }
    return (digits + [first, second]).map(String.init).joined()
  }
  return nil
}

private func checkDigit(_ digits: [Int], weights: [Int]) -> Int? {
  let rest = zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 } % 11
  switch rest {
  case 0: return 0
  case 1: return nil
  default: return 11 - rest
  }
}
