/// Counts over the product of some dimensions, every cell with an inner node the sum of the
/// cells below it: the table, with all its totals, that suppression protects as one.
///
/// ```swift
/// let cube = ReportCube(dimensions: [services, .calendarYear], leafCounts: [[0, 2]: 3])
/// cube.value([2, 16])   // 3: the municipality's year
/// ```
public struct ReportCube: Sendable, Equatable {
  public let dimensions: [ReportDimension]
  /// Every cell's count, indexed by `flatIndex`.
  public private(set) var values: [Int]
  private let strides: [Int]

  /// The cube whose leaf cells hold `leafCounts` (keyed by one leaf index per dimension;
  /// missing ones are zero) and whose other cells are their sums.
  public init(dimensions: [ReportDimension], leafCounts: [[Int]: Int]) {
    self.dimensions = dimensions
    var strides = [Int](repeating: 1, count: dimensions.count)
    for index in dimensions.indices.dropLast().reversed() {
      strides[index] = strides[index + 1] * dimensions[index + 1].keys.count
    }
    self.strides = strides
    values = [Int](repeating: 0, count: dimensions.reduce(1) { $0 * $1.keys.count })
    for (leaf, count) in leafCounts where count != 0 {
      let paths = zip(dimensions, leaf).map { $0.path($1) }
      for cell in Self.product(paths) { values[flatIndex(cell)] += count }
    }
  }

  public func value(_ cell: [Int]) -> Int { values[flatIndex(cell)] }

  func flatIndex(_ cell: [Int]) -> Int { zip(cell, strides).reduce(0) { $0 + $1.0 * $1.1 } }

  func cell(at flatIndex: Int) -> [Int] {
    strides.enumerated().map { dimension, stride in
      flatIndex / stride % dimensions[dimension].keys.count
    }
  }

  /// The index of the cell named by one key per dimension, or nil for an unknown key.
  public func cell(_ keys: [String]) -> [Int]? {
    let indices = zip(dimensions, keys).compactMap { $0.index(of: $1) }
    return indices.count == dimensions.count ? indices : nil
  }

  /// Every combination of one element of each list.
  static func product(_ lists: [[Int]]) -> [[Int]] {
    lists.reduce([[]]) { partial, list in partial.flatMap { prefix in list.map { prefix + [$0] } } }
  }
}
