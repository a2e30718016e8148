import Foundation
import SamhandTestSupport
import Testing

@testable import SamhandCore

/// The attack L32 must withstand: someone holds every published cell and total of a cube
/// (all months, quarters and the year, every service and the municipality, so every month and
/// quarter report together) and solves for each suppressed cell with an integer program
/// (PuLP with its bundled CBC, from Tests/requirements.txt). No suppressed cell may come out
/// with one possible value.
@Suite("Suppression attack (integer programming)")
struct SuppressionAttackTests {
  /// Four months, two quarters, a half year: the calendar's shape, small enough to solve.
  static let halfYear = ReportDimension(
    keys: ["01", "02", "03", "04", "Q1", "Q2", "half"], parents: [4, 4, 5, 5, 6, 6, nil])

  static let shapes: [[ReportDimension]] = [
    [.flat(["a", "b", "c"], total: "all"), halfYear],
    [.flat(["a", "b", "c", "d"], total: "all"), .flat(["01", "02", "03"], total: nil)],
    [.flat(["a", "b"], total: "all"), halfYear, .flat(["x", "y"], total: "all")],
    [
      .flat(["a", "b"], total: "all"), .flat(["01", "02", "03"], total: "q"),
      .flat(["x", "y"], total: "all"), .flat(["ok", "no", "open"], total: "proposed"),
    ],
    [.flat(["a", "b"], total: "all"), .flat(["01", "02", "03"], total: "q"), outcomes],
  ]

  /// The handover outcomes' shape: the rejected by category under `no`, all under `proposed`.
  static let outcomes = ReportDimension(
    keys: ["ok", "open", "no-x", "no-y", "no-z", "no", "proposed"],
    parents: [6, 6, 5, 5, 5, 6, nil])

  static func randomCube(_ dimensions: [ReportDimension], seed: UInt64) -> ReportCube {
    var random = SplitMix64(seed: seed)
    let leafCells = ReportCube.product(dimensions.map(\.leaves))
    var counts: [[Int]: Int] = [:]
    for cell in leafCells { counts[cell] = random.pick([0, 0, 0, 1, 1, 2, 3, 4, 5, 7, 12]) }
    return ReportCube(dimensions: dimensions, leafCounts: counts)
  }

  @Test(
    "no suppressed cell is recovered from everything published",
    arguments: (0..<10).map(UInt64.init)
  )
  func noCellRecovered(seed: UInt64) throws {
    let cube = Self.randomCube(Self.shapes[Int(seed) % Self.shapes.count], seed: seed)
    let hidden = SmallCountSuppression(minimumCount: 5).suppressedCells(of: cube)
    let result = try Attack.run(cube, hidden: hidden)
    #expect(result.checked == hidden.count)
    #expect(result.recovered.isEmpty, "seed \(seed): recovered cells \(result.recovered)")
  }

  @Test("the attack does recover a small count hidden without secondary suppression")
  func attackWorks() throws {
    let cube = Self.randomCube(Self.shapes[0], seed: 3)
    let primary = Set(cube.values.indices.filter { (1...4).contains(cube.values[$0]) })
    #expect(!primary.isEmpty)
    #expect(!(try Attack.run(cube, hidden: primary).recovered.isEmpty))
  }
}

/// Runs the integer program in Python.
enum Attack {
  struct Result: Decodable {
    let checked: Int
    let recovered: [Int]
  }

  struct Problem: Encodable {
    let values: [Int?]
    let truth: [Int]
    let sums: [[Int]]
  }

  static let script = #"""
    import json, sys, pulp
    problem = json.load(open(sys.argv[1]))
    values, truth, sums = problem["values"], problem["truth"], problem["sums"]
    hidden = [i for i, v in enumerate(values) if v is None]
    recovered = []
    for target in hidden:
        alternative = False
        for sense in (pulp.LpMaximize, pulp.LpMinimize):
            model = pulp.LpProblem("attack", sense)
            x = {i: pulp.LpVariable(f"x{i}", lowBound=0, cat="Integer") for i in hidden}
            term = lambda i: x[i] if values[i] is None else values[i]
            model += x[target]
            for total, *parts in sums:
                model += term(total) == pulp.lpSum(term(p) for p in parts)
            model.solve(pulp.PULP_CBC_CMD(msg=False))
            if pulp.LpStatus[model.status] != "Optimal":
                continue
            if round(x[target].value()) != truth[target]:
                alternative = True
                break
        if not alternative:
            recovered.append(target)
    print(json.dumps({"checked": len(hidden), "recovered": recovered}))
    """#

  /// Every cell of an inner node equals the sum of its children's cells, per dimension.
  static func sums(_ cube: ReportCube) -> [[Int]] {
    cube.values.indices.flatMap { flat -> [[Int]] in
      let cell = cube.cell(at: flat)
      return cube.dimensions.enumerated().compactMap { dimension, axis -> [Int]? in
        let children = axis.parents.indices.filter { axis.parents[$0] == cell[dimension] }
        guard !children.isEmpty else { return nil }
        return [flat]
          + children.map { child in
            var moved = cell
            moved[dimension] = child
            return cube.flatIndex(moved)
          }
      }
    }
  }

  static func run(_ cube: ReportCube, hidden: Set<Int>) throws -> Result {
    let folder = FileManager.default.temporaryDirectory
      .appending(path: "samhand-attack-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = folder.appending(path: "problem.json")
    let problem = Problem(
      values: cube.values.indices.map { hidden.contains($0) ? nil : cube.values[$0] },
      truth: cube.values, sums: sums(cube))
    try JSONEncoder().encode(problem).write(to: input)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script, input.path]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return try JSONDecoder().decode(Result.self, from: data)
  }
}
