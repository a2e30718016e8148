import Foundation
import SamhandTestSupport
import Testing

/// S8, the yearly overview: the municipality maps its recipients on the Brukerplan life
/// domains; the coordinating unit's leader sees how many have a plan, a coordinator, a group,
/// how handovers went and the domain scores in aggregate, with every count under 5
/// suppressed; a service's leader sees only their own service.
@Suite("S8 The yearly overview")
struct S8YearlyOverviewTests {
  struct Count: Decodable {
    let count: Int?
    let suppressed: Bool
  }

  struct Row: Decodable {
    let key: String
    let label: String
    let cells: [String: Count]
  }

  struct Section: Decodable {
    let title: String
    let rows: [Row]
  }

  struct Report: Decodable {
    let kind: String
    let scope: String
    let minimumCount: Int
    let sections: [Section]
    let notes: [String]
  }

  static let year = String(Calendar(identifier: .gregorian).component(.year, from: Date()))

  func report(
    _ town: Municipality, _ staff: String, _ kind: String, _ extra: String...
  ) throws -> Report {
    try town.decode(
      Report.self, staff,
      ["report", kind, "--from", "\(Self.year)-01", "--to", "\(Self.year)-12"] + extra)
  }

  @Test("the leader sees plans, handovers and life domains in aggregate, small counts suppressed")
  func yearlyOverview() throws {
    let town = try Municipality()
    // Siri Fjell maps seven recipients of psykisk helse og rus: housing red for five.
    let scores = ["red", "red", "red", "red", "red", "yellow", "green"]
    for (index, housing) in scores.enumerated() {
      let id = try #require(syntheticNationalID(bornYear: 2001, month: 3, day: 1 + index))
      let recipient = try town.decode(
        Municipality.Created.self, "siri.fjell", "recipient", "add", "--name",
        "Fiktiv Kartlagt \(index)",
        "--national-id", id
      ).id
      let mapped = try town.run(
        "siri.fjell", "plan", "map", "--recipient", recipient, "--score", "housing=\(housing)",
        "--score", "network=yellow")
      try #require(mapped.status == 0, "\(mapped.stderr)")
    }

    let indicators = try report(town, "liv.dahl", "indicators", "--by", "service")
    #expect(indicators.scope == "municipality")
    #expect(indicators.minimumCount == 5)
    let rows = try #require(indicators.sections.first?.rows)
    #expect(rows.last?.key == "total")
    let phr = try #require(rows.first { $0.key == "psykisk-helse-rus" })
    #expect(phr.cells["registered"]?.count.map { $0 >= 7 } ?? true)
    for row in rows {
      for (column, cell) in row.cells {
        #expect(cell.suppressed == (cell.count == nil), "\(row.key) \(column)")
        if let count = cell.count {
          #expect(count == 0 || count >= 5, "\(row.key) \(column) = \(count)")
        }
      }
    }
    #expect(rows.flatMap(\.cells.values).contains { $0.suppressed })

    let domains = try report(town, "liv.dahl", "life-domains", "--service", "psykisk-helse-rus")
    let housing = try #require(domains.sections.first?.rows.first { $0.key == "housing" })
    #expect(housing.cells["red"]?.count == 5)
    #expect(housing.cells["yellow"]?.suppressed == true)
    #expect(housing.cells["green"]?.suppressed == true)
    let network = try #require(domains.sections.first?.rows.first { $0.key == "network" })
    #expect(network.cells["yellow"]?.count == 7)
    #expect(network.cells["red"]?.count == 0)

    let handovers = try report(town, "mari.holt", "handovers")
    #expect(handovers.notes == ["Ingen mottaker har på noe tidspunkt vært uten ansvarlig."])
    let all = try #require(handovers.sections.first?.rows.last)
    #expect(all.key == "all")
    #expect(all.cells["proposed"] != nil && all.cells["late-notice"] != nil)

    // Hanne Vik leads psykisk helse og rus: her own service, not the municipality.
    #expect(
      try report(town, "hanne.vik", "indicators", "--service", "psykisk-helse-rus").scope
        == "psykisk-helse-rus")
    let refused = try town.run(
      "hanne.vik", "report", "indicators", "--from", "\(Self.year)-01", "--to", "\(Self.year)-12")
    #expect(refused.status != 0)
    #expect(refused.errorLines == ["Error: not allowed: reports on the municipality"])
    let caseworker = try town.run(
      "siri.fjell", "report", "indicators", "--from", "\(Self.year)-01", "--to", "\(Self.year)-12",
      "--service", "psykisk-helse-rus")
    #expect(caseworker.status != 0)

    // A suppressed count reads <5 in the table and html, and has its column in csv.
    let table = try town.run(
      "liv.dahl", "report", "life-domains", "--from", "\(Self.year)-01", "--to", "\(Self.year)-12",
      "--service", "psykisk-helse-rus")
    #expect(table.stdout.contains("<5"))
    let csv = try town.run(
      "liv.dahl", "report", "life-domains", "--from", "\(Self.year)-01", "--to", "\(Self.year)-12",
      "--service", "psykisk-helse-rus", "--format", "csv")
    #expect(
      csv.stdout.hasPrefix("section,row,row_label,column,column_label,unit,count,suppressed\n"))
    #expect(csv.stdout.contains(",Bolig,yellow,Gul,count,,true\n"))
    let html = try town.run(
      "liv.dahl", "report", "indicators", "--from", "\(Self.year)-01", "--to", "\(Self.year)-12",
      "--by", "service", "--format", "html")
    #expect(html.stdout.contains("<svg"))
    #expect(html.stdout.contains("&lt;5"))
    #expect(!html.stdout.contains("<script"))

    // A period that is not a month, quarter or year is refused, naming the fixed periods.
    let odd = try town.run(
      "liv.dahl", "report", "indicators", "--from", "\(Self.year)-01", "--to", "\(Self.year)-02")
    #expect(odd.status != 0)
    #expect(odd.stderr.contains("is not a fixed period"))
  }
}
