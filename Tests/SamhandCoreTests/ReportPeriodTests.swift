import SamhandCore
import Testing

@Suite("Report periods")
struct ReportPeriodTests {
  @Test(
    "a report covers one month, one quarter or one year",
    arguments: [
      ("2026-03", "2026-03", ReportPeriod.month(year: 2026, month: 3), "mars 2026"),
      ("2026-04", "2026-06", .quarter(year: 2026, quarter: 2), "2. kvartal 2026"),
      ("2026-01", "2026-12", .year(2026), "2026"),
    ])
  func fixedPeriods(from: String, to: String, period: ReportPeriod, label: String) throws {
    let parsed = try ReportPeriod(from: from, to: to)
    #expect(parsed == period)
    #expect(parsed.label == label)
  }

  @Test(
    "any other range is refused, so that two reports cannot be differenced",
    arguments: [
      ("2026-01", "2026-02"), ("2026-02", "2026-04"), ("2026-03", "2026-01"),
      ("2025-12", "2026-02"), ("2026-01", "2026-11"),
    ])
  func otherRangesRefused(from: String, to: String) {
    #expect(throws: ReportError.notAFixedPeriod(from: from, to: to)) {
      try ReportPeriod(from: from, to: to)
    }
  }

  @Test("a month is YYYY-MM", arguments: ["2026-3", "2026-13", "26-03", "mars", "2026-03-01"])
  func badMonths(text: String) {
    #expect(throws: ReportError.invalidMonth(text)) { try ReportPeriod(from: text, to: text) }
  }

  @Test("the last day of February knows leap years")
  func lastDay() throws {
    #expect(ReportPeriod.month(year: 2028, month: 2).lastDay.day == 29)
    #expect(ReportPeriod.month(year: 2026, month: 2).lastDay.day == 28)
    #expect(ReportPeriod.quarter(year: 2026, quarter: 4).lastDay.description == "2026-12-31")
  }
}
