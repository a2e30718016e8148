import Foundation

/// Where "now" comes from. Injected everywhere so tests can move time instead of waiting.
public protocol WallClock: Sendable {
  var now: Date { get }
}

/// The machine's clock.
public struct SystemClock: WallClock {
  public init() {}
  public var now: Date { Date() }
}
