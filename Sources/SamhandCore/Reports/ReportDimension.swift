/// One dimension of a report cube (services, months, handover kinds, scores): its nodes form a
/// forest in which every inner node is the sum of its children, e.g. months → quarters → year,
/// or services → the municipality. Suppression must respect exactly these sums.
///
/// ```swift
/// let services = ReportDimension.flat(["nav", "tsb"], total: "all")
/// services.path(0)   // [0, 2]: nav, then the municipality
/// ```
public struct ReportDimension: Sendable, Equatable {
  public let keys: [String]
  let parents: [Int?]
  let leaves: [Int]
  private let positions: [String: Int]

  public init(keys: [String], parents: [Int?]) {
    precondition(keys.count == parents.count && Set(keys).count == keys.count)
    self.keys = keys
    self.parents = parents
    let inner = Set(parents.compactMap { $0 })
    leaves = keys.indices.filter { !inner.contains($0) }
    positions = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
  }

  /// Leaves, then `total` (when given) as their sum.
  public static func flat(_ leaves: [String], total: String?) -> ReportDimension {
    guard let total else { return ReportDimension(keys: leaves, parents: leaves.map { _ in nil }) }
    return ReportDimension(
      keys: leaves + [total], parents: leaves.map { _ in leaves.count } + [nil])
  }

  /// The twelve months (`01`…`12`), their quarters (`Q1`…`Q4`) and the year (`year`): for
  /// counts of events, which add up over time.
  public static let calendarYear: ReportDimension = {
    let months = (1...12).map(Self.monthKey)
    let quarters = (1...4).map { "Q\($0)" }
    return ReportDimension(
      keys: months + quarters + ["year"],
      parents: (0..<12).map { 12 + $0 / 3 } + [16, 16, 16, 16] + [nil])
  }()

  /// The twelve month ends alone, unrelated: for counts of a state (recipients with a plan),
  /// which do not add up over time; a quarter's or year's count is that of its last month.
  public static let monthEnds = flat((1...12).map(Self.monthKey), total: nil)

  public static func monthKey(_ month: Int) -> String { month < 10 ? "0\(month)" : "\(month)" }

  public func index(of key: String) -> Int? { positions[key] }

  /// `node`, its parent, and so on up to its root.
  func path(_ node: Int) -> [Int] {
    var path = [node]
    while let parent = parents[path[path.count - 1]] { path.append(parent) }
    return path
  }

  /// The leaves whose sums include `node` (`node` itself for a leaf).
  func leaves(under node: Int) -> [Int] { leaves.filter { path($0).contains(node) } }
}
