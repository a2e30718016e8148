/// One published count: the number, or nothing when it is suppressed (L32). In JSON always
/// `{"count": N|null, "suppressed": true|false}`, so a reader never mistakes a hidden count for
/// a missing one.
public struct ReportCount: Sendable, Equatable, Encodable {
  public let count: Int?
  public var suppressed: Bool { count == nil }

  public init(_ count: Int?) { self.count = count }

  public static let hidden = ReportCount(nil)

  enum CodingKeys: String, CodingKey { case count, suppressed }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    if let count {
      try container.encode(count, forKey: .count)
    } else {
      try container.encodeNil(forKey: .count)
    }
    try container.encode(suppressed, forKey: .suppressed)
  }
}

/// A cube with its suppressed cells decided: what a report reads its counts from.
public struct ProtectedCube: Sendable {
  public let cube: ReportCube
  public let suppressed: Set<Int>

  public init(_ cube: ReportCube, minimumCount: Int) {
    self.cube = cube
    suppressed = SmallCountSuppression(minimumCount: minimumCount).suppressedCells(of: cube)
  }

  /// The published count of the cell named by one key per dimension (zero for an unknown key,
  /// e.g. a service with nothing to count).
  public func count(_ keys: [String]) -> ReportCount {
    guard let cell = cube.cell(keys) else { return ReportCount(0) }
    let flat = cube.flatIndex(cell)
    return suppressed.contains(flat) ? .hidden : ReportCount(cube.values[flat])
  }
}
