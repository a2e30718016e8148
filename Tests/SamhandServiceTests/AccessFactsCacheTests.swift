import Foundation
import SamhandCore
import SamhandPolicy
import Testing

@testable import SamhandService

/// Read snapshots reuse access facts while the store's access generation stands still. These
/// tests would catch a fact table without a generation trigger, a change made by another
/// process (the CLI beside the server) going unseen, and entries of another generation used.
@Suite("Access facts cached by access generation")
struct AccessFactsCacheTests {
  let coordinator = ServiceFixture.actor("phr.coordinator")
  let navCaseworker = ServiceFixture.actor("nav.caseworker")

  @Test("every table the access facts are read from raises the access generation")
  func everyFactTableIsCovered() throws {
    let fixture = try ServiceFixture()
    _ = try fixture.consent(["nav"], [.identity])
    let (recipient, now) = (fixture.recipient, fixture.clock.now)
    let (read, covered) = try fixture.service.store.read { snapshot in
      let read = try snapshot.tableReads {
        _ = try snapshot.staff(StaffID(rawValue: "nav.caseworker"))
        _ = try AccessFacts.RecipientFacts.gather(recipient, in: snapshot, at: now)
        _ = try snapshot.liveToken(hash: Data(repeating: 7, count: 32))
      }
      return (Set(read.keys), try snapshot.tablesCoveredByAccessGeneration())
    }
    // The recording itself works: consents, the care team and staff are among what is read.
    #expect(
      read.isSuperset(of: [
        "consents", "assignments", "staff", "break_glass_grants", "staff_tokens",
      ]))
    #expect(read.subtracting(covered).isEmpty, "tables read without a generation trigger")
  }

  @Test("a cache miss reads the break-glass grants once, for the holders and their validity")
  func breakGlassReadOnce() throws {
    let fixture = try ServiceFixture()
    let grant = try fixture.service.breakGlass(
      recipient: fixture.recipient, reason: "funnet bevisstløs",
      as: ServiceFixture.actor("gp.clinician"), options: .followUp)
    let now = fixture.clock.now
    let (reads, facts) = try fixture.service.store.read { snapshot in
      let reader = try FactsReader.cached(AccessFactsCache(), in: snapshot)
      var facts: AccessFacts.RecipientFacts?
      let reads = try snapshot.tableReads {
        facts = try reader.recipient(fixture.recipient, in: snapshot, at: now)
      }
      return (reads, facts)
    }
    #expect(reads["break_glass_grants"] == 1, "\(reads)")
    #expect(facts?.breakGlassHolders == [StaffID(rawValue: "gp.clinician")])
    let change = try #require(facts?.nextBreakGlassChange)
    #expect(abs(change.timeIntervalSince(grant.expiresAt)) < 1)
  }

  @Test("a change written by another process is seen by the next read through the cache")
  func changeFromAnotherProcess() throws {
    let fixture = try ServiceFixture()
    let consent = try fixture.consent(["nav"], [.identity])
    try fixture.service.assign(
      StaffID(rawValue: "nav.caseworker"), to: fixture.recipient, as: coordinator,
      options: .followUp)
    for _ in 0..<3 {
      _ = try fixture.service.showRecipient(
        fixture.recipient, as: navCaseworker, options: .followUp)
    }
    let other = try SamhandService.open(
      dataDirectory: fixture.service.dataDirectory, clock: fixture.clock)
    try other.withdrawConsent(consent, as: coordinator, options: .followUp)
    #expect(throws: ServiceError.notFound(kind: "recipient", id: fixture.recipient.rawValue)) {
      try fixture.service.showRecipient(fixture.recipient, as: navCaseworker, options: .followUp)
    }
    _ = try fixture.service.showRecipient(fixture.recipient, as: coordinator, options: .followUp)
    _ = try other.deactivateStaff(StaffID(rawValue: "phr.coordinator"), by: ServiceFixture.osUser)
    #expect(throws: ServiceError.self) {
      try fixture.service.showRecipient(fixture.recipient, as: coordinator, options: .followUp)
    }
  }

  @Test("a newer generation drops every entry; an older one neither reads nor fills")
  func generations() throws {
    let cache = AccessFactsCache()
    let staff = Staff(
      id: StaffID(rawValue: "nav.caseworker"), name: "Test", services: [try ServiceCode("nav")],
      roles: [.caseworker], active: true)
    cache.remember(staff, generation: 5)
    #expect(cache.staff(staff.id, generation: 5) == staff)
    #expect(cache.staff(staff.id, generation: 4) == nil)
    cache.remember(staff, generation: 4)
    #expect(cache.staff(staff.id, generation: 6) == nil)
    #expect(cache.staff(staff.id, generation: 5) == nil)
    cache.remember(staff, generation: 6)
    #expect(cache.staff(staff.id, generation: 6) == staff)
  }

  @Test("a recipient's entry holds on its day only and until its next break-glass change")
  func recipientEntryExpires() throws {
    let fixture = try ServiceFixture()
    let now = fixture.clock.now
    let facts = try #require(
      try fixture.service.store.read {
        try AccessFacts.RecipientFacts.gather(fixture.recipient, in: $0, at: now)
      })
    let cache = AccessFactsCache()
    cache.remember(.init(facts: facts, validity: now..<now.addingTimeInterval(60)), generation: 1)
    #expect(cache.recipient(fixture.recipient, generation: 1, at: now)?.id == fixture.recipient)
    #expect(
      cache.recipient(fixture.recipient, generation: 1, at: now.addingTimeInterval(60)) == nil)
    #expect(
      cache.recipient(fixture.recipient, generation: 1, at: now.addingTimeInterval(-1)) == nil)
    let today = CalendarDate.day(containing: now)
    #expect(today.contains(now) && CalendarDate(today.lowerBound) == CalendarDate(now))
    #expect(CalendarDate(today.upperBound) == CalendarDate(now).adding(days: 1))
    cache.remember(.init(facts: facts, validity: today), generation: 1)
    #expect(cache.recipient(fixture.recipient, generation: 1, at: today.upperBound) == nil)
    #expect(
      cache.recipient(
        fixture.recipient, generation: 1, at: today.upperBound.addingTimeInterval(-1))?
        .id == fixture.recipient)
  }
}
