import SamhandCore
import SamhandTestSupport
import Testing

/// Rejected handovers by category, and life-domain counts that do not depend on the order the
/// scores come in.
@Suite("Report breakdowns")
struct ReportBreakdownTests {
  static let layout = ReportLayout(
    period: .year(2026), services: [.init(code: "nav", name: "NAV")], scope: nil,
    grouping: .none)

  static func rejected(_ category: HandoverRejectionCategory?, day: Int) -> HandoverReport.Fact {
    HandoverReport.Fact(
      service: "nav", proposedOn: CalendarDate(year: 2026, month: 3, day: day)!,
      plannedDate: CalendarDate(year: 2026, month: 4, day: 1)!, kind: .relocation,
      mode: .referral, state: .rejected, rejectionCategory: category, acceptedOn: nil)
  }

  @Test("rejections count by category, old ones as not recorded, and add up to rejected")
  func rejectionCategories() throws {
    let facts =
      (1...6).map { Self.rejected(.noCapacity, day: $0) }
      + (1...7).map { Self.rejected(.notOurService, day: $0) }
      + (1...5).map { Self.rejected(nil, day: $0) }
    let report = HandoverReport(
      facts, holderless: [:], layout: Self.layout, minimumCount: 5, lateNoticeDays: 14,
      today: CalendarDate(year: 2026, month: 12, day: 31)!
    ).report
    let all = try #require(report.sections.first?.rows.first { $0.key == "all" })
    #expect(all.cells["rejected"] == ReportCount(18))
    #expect(all.cells["rejected-no-capacity"] == ReportCount(6))
    #expect(all.cells["rejected-not-our-service"] == ReportCount(7))
    #expect(all.cells["rejected-unknown"] == ReportCount(5))
    #expect(all.cells["rejected-other"] == ReportCount(0))
    #expect(all.cells["proposed"] == ReportCount(18))
    let columns = report.sections[0].columns.map(\.key)
    #expect(
      columns.firstIndex(of: "rejected")! + 1 == columns.firstIndex(of: "rejected-not-our-service"))
  }

  @Test("a single small category is suppressed together with another, never alone")
  func smallCategorySuppressed() throws {
    let facts =
      (1...2).map { Self.rejected(.recipientDeclined, day: $0) }
      + (1...9).map { Self.rejected(.other, day: $0) }
    let report = HandoverReport(
      facts, holderless: [:], layout: Self.layout, minimumCount: 5, lateNoticeDays: 14,
      today: CalendarDate(year: 2026, month: 12, day: 31)!
    ).report
    let all = try #require(report.sections.first?.rows.first { $0.key == "all" })
    #expect(all.cells["rejected-recipient-declined"]?.suppressed == true)
    let categories = HandoverRejectionCategory.allCases.map { "rejected-\($0.rawValue)" }
    #expect(categories.filter { all.cells[$0]?.suppressed == true }.count >= 2)
  }

  @Test(
    "life-domain counts are the same whatever order the scores come in",
    arguments: [1, 2, 3] as [UInt64])
  func lifeDomainOrder(seed: UInt64) {
    var generator = SplitMix64(seed: seed)
    let observations = (0..<400).map { index in
      LifeDomainReport.Observation(
        subject: index / 4, service: "nav",
        mappedOn: CalendarDate(year: 2026, month: 1 + index % 12, day: 1 + index % 28)!,
        domain: LifeDomain.allCases[index % 3],
        score: LifeDomainScore.Score.allCases[generator.below(3)])
    }
    let grouped = LifeDomainReport(observations, layout: Self.layout, minimumCount: 5).report
    let shuffled = LifeDomainReport(
      observations.shuffled(using: &generator), layout: Self.layout, minimumCount: 5
    ).report
    #expect(Self.cells(grouped) == Self.cells(shuffled), "seed \(seed)")
    #expect(Self.cells(grouped).contains { $0.value.count ?? 0 > 0 })
  }

  static func cells(_ report: Report) -> [String: ReportCount] {
    var cells: [String: ReportCount] = [:]
    for section in report.sections {
      for row in section.rows {
        for (column, count) in row.cells { cells["\(section.title) \(row.key) \(column)"] = count }
      }
    }
    return cells
  }
}
