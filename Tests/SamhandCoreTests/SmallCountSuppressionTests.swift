import SamhandTestSupport
import Testing

@testable import SamhandCore

@Suite("Small-count suppression")
struct SmallCountSuppressionTests {
  let services = ReportDimension.flat(["a", "b", "c"], total: "all")

  func cube(_ counts: [String: [Int]], time: ReportDimension = .calendarYear) -> ReportCube {
    var leaves: [[Int]: Int] = [:]
    for (service, months) in counts {
      for (month, count) in months.enumerated() {
        leaves[[services.index(of: service)!, month], default: 0] += count
      }
    }
    return ReportCube(dimensions: [services, time], leafCounts: leaves)
  }

  func published(_ cube: ReportCube, _ keys: [String]) -> ReportCount {
    ProtectedCube(cube, minimumCount: 5).count(keys)
  }

  @Test("counts from 1 to 4 are suppressed; zero and 5 are published")
  func primary() {
    let data = cube(["a": [0, 1, 4, 5], "b": [9, 9, 9, 9], "c": [9, 9, 9, 9]])
    #expect(published(data, ["a", "01"]) == ReportCount(0))
    #expect(published(data, ["a", "02"]).suppressed)
    #expect(published(data, ["a", "03"]).suppressed)
    #expect(published(data, ["a", "04"]) == ReportCount(5))
  }

  @Test("the minimum is a setting")
  func minimumIsSetting() {
    let data = cube(["a": [6], "b": [9], "c": [9]])
    #expect(ProtectedCube(data, minimumCount: 7).count(["a", "01"]).suppressed)
    #expect(ProtectedCube(data, minimumCount: 5).count(["a", "01"]) == ReportCount(6))
  }

  @Test("one small count in a total is never alone: a second cell hides with it")
  func secondary() {
    let data = cube(["a": [3], "b": [10], "c": [12]], time: .monthEnds)
    let hidden = ["a", "b", "c", "all"].filter { published(data, [$0, "01"]).suppressed }
    #expect(hidden.count >= 2)
    #expect(hidden.contains("a"))
    #expect(!hidden.contains("all"))
  }

  @Test("a quarter and its months are protected together")
  func quarterWithMonths() {
    let data = cube(["a": [7, 2, 9], "b": [8, 8, 8], "c": [6, 6, 6]])
    let protected = ProtectedCube(data, minimumCount: 5)
    let monthsOfA = ["01", "02", "03"].filter { protected.count(["a", $0]).suppressed }
    let february = ["a", "b", "c"].filter { protected.count([$0, "02"]).suppressed }
    #expect(monthsOfA.count >= 2 || protected.count(["a", "Q1"]).suppressed)
    #expect(february.count >= 2 || protected.count(["all", "02"]).suppressed)
  }

  @Test(
    "every small count is suppressed, and no zero ever is", arguments: (0..<30).map(UInt64.init))
  func suppressedSet(seed: UInt64) {
    var random = SplitMix64(seed: seed)
    var counts: [String: [Int]] = [:]
    for service in ["a", "b", "c"] {
      counts[service] = (0..<12).map { _ in random.pick([0, 0, 1, 2, 3, 6, 9]) }
    }
    let data = cube(counts)
    let hidden = SmallCountSuppression(minimumCount: 5).suppressedCells(of: data)
    #expect(hidden.allSatisfy { data.values[$0] > 0 })
    #expect(hidden.isSuperset(of: data.values.indices.filter { (1...4).contains(data.values[$0]) }))
  }
}
