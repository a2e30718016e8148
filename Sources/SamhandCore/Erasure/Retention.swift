import Foundation

/// What decides whether a recipient's record may be erased: records still open, a legal hold,
/// and the retention period, which runs `retention_years_after_close` from the latest of the
/// registration and the closing of the last plan, group or handover.
///
/// ```swift
/// let facts = RetentionFacts(registeredAt: created, lastClosedAt: closed, openRecords: [],
///                            legalHold: false)
/// try facts.check(.retentionExpired, years: 10, today: CalendarDate.today(clock))
/// ```
public struct RetentionFacts: Sendable, Equatable {
  public let registeredAt: Date
  /// When the last plan, group or handover closed; nil when none has.
  public let lastClosedAt: Date?
  /// Open plans, groups and handovers, e.g. `plan p-…`.
  public let openRecords: [String]
  public let legalHold: Bool

  public init(registeredAt: Date, lastClosedAt: Date?, openRecords: [String], legalHold: Bool) {
    self.registeredAt = registeredAt
    self.lastClosedAt = lastClosedAt
    self.openRecords = openRecords
    self.legalHold = legalHold
  }

  /// The day retention starts: the latest of registration and the last closing.
  public var retentionStart: CalendarDate {
    CalendarDate(max(registeredAt, lastClosedAt ?? registeredAt))
  }

  /// The first day the record may be erased on the ground that its retention has run out.
  public func mayBeErasedOn(years: Int) -> CalendarDate {
    retentionStart.adding(years: years)
  }

  /// Refuses an erasure on `ground` while anything keeps the record: open records (any
  /// ground: responsibility must never point at nothing), a legal hold (any ground), and for
  /// `retention-expired` the retention period.
  public func check(_ ground: ErasureGround, years: Int, today: CalendarDate)
    throws(ErasureError)
  {
    guard openRecords.isEmpty else { throw .openRecords(openRecords) }
    guard !legalHold else { throw .legalHold }
    let date = mayBeErasedOn(years: years)
    if ground == .retentionExpired, today < date { throw .retentionRunning(mayBeErasedOn: date) }
  }
}

extension CalendarDate {
  /// The same day `years` later; 29 February becomes 1 March in a common year.
  public func adding(years: Int) -> CalendarDate {
    CalendarDate(year: year + years, month: month, day: day)
      ?? CalendarDate(year: year + years, month: month + 1, day: 1) ?? self
  }
}
