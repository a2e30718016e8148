import Foundation
import SamhandCore

/// A clock a test moves by hand, shared by everything that reads it.
public final class MovableClock: WallClock, @unchecked Sendable {
  private let lock = NSLock()
  private var current: Date

  public init(_ start: Date = Date(timeIntervalSince1970: 1_795_000_000)) { current = start }

  public var now: Date { lock.withLock { current } }

  public func advance(days: Double) {
    lock.withLock { current = current.addingTimeInterval(days * 86_400) }
  }

  public func advance(hours: Double) {
    lock.withLock { current = current.addingTimeInterval(hours * 3_600) }
  }
}
