/// Small-count suppression (L32): which cells of a cube must not be published so that no
/// person can be singled out, even by someone who combines every published cell and total.
///
/// Primary: every count from 1 to `minimumCount` − 1 (zero reveals no one and is published).
/// Secondary: each suppressed cell is made part of a *pattern* of suppressed cells, all
/// non-zero, that can be shifted by +1 and −1 without changing any published cell: the product,
/// one vector per dimension, of `e(a)` (a leaf and its ancestors) or `e(a) − e(b)` (two
/// leaves; their common ancestors cancel). Shifting such a pattern keeps every sum in the cube
/// true and every count non-negative, so each suppressed cell has at least two values that fit
/// everything published. Where a cell is not yet in a pattern inside the suppressed set, the
/// pattern that suppresses the fewest further people is added. docs/reports.md has the method.
///
/// ```swift
/// let hidden = SmallCountSuppression(minimumCount: 5).suppressedCells(of: cube)
/// ```
public struct SmallCountSuppression: Sendable {
  public let minimumCount: Int
  /// Candidate vectors considered per dimension for one cell, cheapest first.
  private let candidatesPerDimension = 6

  public init(minimumCount: Int) { self.minimumCount = minimumCount }

  /// The flat indices of the cells to suppress.
  public func suppressedCells(of cube: ReportCube) -> Set<Int> {
    var suppressed = Set(
      cube.values.indices.filter { (1..<minimumCount).contains(cube.values[$0]) })
    for flat in suppressed.sorted() {
      let cell = cube.cell(at: flat)
      if let pattern = cheapestPattern(covering: cell, in: cube, given: suppressed) {
        suppressed.formUnion(pattern)
      } else {
        suppressed.formUnion(fallbackPattern(covering: cell, in: cube))
      }
    }
    return suppressed
  }

  /// The pattern through `cell` with every cell non-zero that adds the least to `suppressed`
  /// (nothing, when `cell` is already protected), among the cheapest candidates.
  private func cheapestPattern(
    covering cell: [Int], in cube: ReportCube, given suppressed: Set<Int>
  )
    -> [Int]?
  {
    let options = cube.dimensions.indices.map { candidates(cube, cell, dimension: $0, suppressed) }
    guard options.allSatisfy({ !$0.isEmpty }) else { return nil }
    var best: (cost: Int, cells: [Int])?
    for choice in ReportCube.product(options.map { Array($0.indices) }) {
      let cells = ReportCube.product(choice.enumerated().map { options[$0][$1] })
        .map(cube.flatIndex)
      var cost = 0
      var valid = true
      for flat in cells where !suppressed.contains(flat) {
        guard cube.values[flat] > 0 else {
          valid = false
          break
        }
        cost += cube.values[flat] + 1
      }
      guard valid else { continue }
      if cost == 0 { return cells }
      if best.map({ cost < $0.cost }) ?? true { best = (cost, cells) }
    }
    return best?.cells
  }

  /// The supports of the vectors in `dimension` that are non-zero at `cell`'s node, keeping
  /// only those whose cells in line with `cell` are all non-zero, cheapest first.
  private func candidates(
    _ cube: ReportCube, _ cell: [Int], dimension: Int, _ suppressed: Set<Int>
  ) -> [[Int]] {
    let axis = cube.dimensions[dimension]
    let node = cell[dimension]
    let own = axis.leaves(under: node)
    let others = axis.leaves.filter { !own.contains($0) }
    var supports = own.map { axis.path($0) }
    for leaf in own {
      let path = axis.path(leaf)
      for other in others {
        let otherPath = axis.path(other)
        supports.append(
          path.filter { !otherPath.contains($0) } + otherPath.filter { !path.contains($0) })
      }
    }
    func inLine(_ node: Int) -> Int {
      var moved = cell
      moved[dimension] = node
      return cube.flatIndex(moved)
    }
    let priced: [(cost: Int, support: [Int])] = supports.compactMap { support in
      let flats = support.map(inLine)
      guard flats.allSatisfy({ cube.values[$0] > 0 }) else { return nil }
      return (
        flats.filter { !suppressed.contains($0) }.reduce(0) { $0 + cube.values[$1] + 1 }, support
      )
    }
    return priced.sorted { $0.cost < $1.cost }.prefix(candidatesPerDimension).map(\.support)
  }

  /// Always possible: a non-zero leaf cell below `cell` with all its ancestors.
  private func fallbackPattern(covering cell: [Int], in cube: ReportCube) -> [Int] {
    let leafCells = ReportCube.product(
      cube.dimensions.enumerated().map { $1.leaves(under: cell[$0]) })
    let leaf = leafCells.first { cube.value($0) > 0 } ?? cell
    return ReportCube.product(zip(cube.dimensions, leaf).map { $0.path($1) }).map(cube.flatIndex)
  }
}
