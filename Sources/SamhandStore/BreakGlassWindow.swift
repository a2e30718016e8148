import Foundation
import SamhandCore

/// A recipient's break-glass grants as seen at one instant: who holds a live one, and when
/// that set next changes by time alone (a grant starts or expires), nil when it never will.
/// Both come from one read, so that a gathering of access facts reads the grants once.
public struct BreakGlassWindow: Sendable, Equatable {
  public let holders: Set<StaffID>
  public let nextChange: Date?

  public init(holders: Set<StaffID>, nextChange: Date?) {
    self.holders = holders
    self.nextChange = nextChange
  }
}
