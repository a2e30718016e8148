import Foundation
import SamhandCore
import Testing

@Suite("Retention and four eyes")
struct RetentionTests {
  static let registered = CalendarDate(year: 2020, month: 3, day: 14)!.start
  static let closed = CalendarDate(year: 2023, month: 11, day: 2)!.start

  static func facts(
    closed: Date? = nil, open: [String] = [], hold: Bool = false
  ) -> RetentionFacts {
    RetentionFacts(
      registeredAt: registered, lastClosedAt: closed, openRecords: open, legalHold: hold)
  }

  @Test("retention runs from the latest of registration and the last closing")
  func retentionStart() {
    #expect(Self.facts().mayBeErasedOn(years: 10) == CalendarDate(year: 2030, month: 3, day: 14))
    #expect(
      Self.facts(closed: Self.closed).mayBeErasedOn(years: 10)
        == CalendarDate(year: 2033, month: 11, day: 2))
  }

  @Test("retention-expired is refused the day before and allowed on the day")
  func retentionBoundary() throws {
    let day = try #require(CalendarDate(year: 2030, month: 3, day: 14))
    #expect(throws: ErasureError.retentionRunning(mayBeErasedOn: day)) {
      try Self.facts().check(.retentionExpired, years: 10, today: day.adding(days: -1))
    }
    try Self.facts().check(.retentionExpired, years: 10, today: day)
    try Self.facts().check(.registeredInError, years: 10, today: day.adding(days: -3000))
  }

  @Test("open records and a legal hold refuse every ground", arguments: ErasureGround.allCases)
  func openAndHeld(ground: ErasureGround) throws {
    let late = try #require(CalendarDate(year: 2060, month: 1, day: 1))
    #expect(throws: ErasureError.openRecords(["plan p-1"])) {
      try Self.facts(open: ["plan p-1"]).check(ground, years: 10, today: late)
    }
    #expect(throws: ErasureError.legalHold) {
      try Self.facts(hold: true).check(ground, years: 10, today: late)
    }
  }

  @Test("29 February plus a year is 1 March")
  func leapDay() {
    #expect(
      CalendarDate(year: 2024, month: 2, day: 29)?.adding(years: 1)
        == CalendarDate(year: 2025, month: 3, day: 1))
  }

  @Test("the requester never decides their own erasure request")
  func fourEyes() throws {
    let someone = StaffID(rawValue: "a")
    #expect(throws: ErasureError.requesterCannotDecide) {
      try ErasureRequest.checkFourEyes(requestedBy: someone, decidedBy: someone)
    }
    try ErasureRequest.checkFourEyes(requestedBy: someone, decidedBy: StaffID(rawValue: "b"))
  }

  @Test("backups: versions up to the erased key's still to retire, from the day after retention")
  func backupErasure() {
    let day = CalendarDate(year: 2027, month: 1, day: 10)!
    let pending = BackupErasure(kekVersion: 3, unretired: [2, 3, 4], erasedOn: day, backupDays: 30)
    #expect(pending.versionsToRetire == [2, 3])
    #expect(pending.retireOnOrAfter == CalendarDate(year: 2027, month: 2, day: 9))
    #expect(!pending.isComplete)
    #expect(BackupErasure(kekVersion: 3, unretired: [4], erasedOn: day, backupDays: 30).isComplete)
  }
}
