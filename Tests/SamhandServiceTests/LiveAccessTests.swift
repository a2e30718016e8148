import Foundation
import SamhandCore
import SamhandService
import Testing

/// Consent, accounts, tokens and emergency access count from the very next request: there is
/// no cache to wait out.
@Suite("Changes take effect on the next request")
struct LiveAccessTests {
  let navCaseworker = ServiceFixture.actor("nav.caseworker")
  let coordinator = ServiceFixture.actor("phr.coordinator")

  func assignedNAV() throws -> (ServiceFixture, ConsentID) {
    let fixture = try ServiceFixture()
    let consent = try fixture.consent(["nav"], [.identity])
    try fixture.service.assign(
      StaffID(rawValue: "nav.caseworker"), to: fixture.recipient, as: coordinator,
      options: .followUp)
    _ = try fixture.service.showRecipient(fixture.recipient, as: navCaseworker, options: .followUp)
    return (fixture, consent)
  }

  @Test("a withdrawn consent denies the very next request")
  func consentWithdrawn() throws {
    let (fixture, consent) = try assignedNAV()
    try fixture.service.withdrawConsent(consent, as: coordinator, options: .followUp)
    #expect(throws: ServiceError.notFound(kind: "recipient", id: fixture.recipient.rawValue)) {
      try fixture.service.showRecipient(fixture.recipient, as: navCaseworker, options: .followUp)
    }
    #expect(try fixture.lastEntry(action: "recipient.show")?.decision == "deny")
    _ = try fixture.service.showRecipient(fixture.recipient, as: coordinator, options: .followUp)
  }

  @Test("an expired consent denies from the day after its last day")
  func consentExpires() throws {
    let fixture = try ServiceFixture()
    let today = CalendarDate.today(fixture.clock)
    _ = try fixture.consent(["nav"], [.identity], until: today)
    try fixture.service.assign(
      StaffID(rawValue: "nav.caseworker"), to: fixture.recipient, as: coordinator,
      options: .followUp)
    _ = try fixture.service.showRecipient(fixture.recipient, as: navCaseworker, options: .followUp)
    fixture.clock.advance(days: 1)
    #expect(throws: ServiceError.self) {
      try fixture.service.showRecipient(fixture.recipient, as: navCaseworker, options: .followUp)
    }
  }

  @Test("a deactivated staff member is denied on the very next request")
  func staffDeactivated() throws {
    let (fixture, _) = try assignedNAV()
    try fixture.service.deactivateStaff(StaffID(rawValue: "nav.caseworker"), by: "test")
    #expect(throws: ServiceError.self) {
      try fixture.service.showRecipient(fixture.recipient, as: navCaseworker, options: .followUp)
    }
    #expect(
      try fixture.lastEntry(action: "recipient.show")?.policies == ["global-forbid-inactive-staff"])
  }

  @Test(
    "a token the server knows is taken at its word only until a gate looks: revoked or expired, the gate refuses it"
  )
  func bearerConfirmedByGate() throws {
    let (fixture, _) = try assignedNAV()
    let staff = StaffID(rawValue: "nav.caseworker")
    let token = try fixture.service.createToken(for: staff, days: 1, by: "test")
    let looked = try fixture.service.bearerCredential(token: token.secret, confirmedBy: .gate)
    #expect(looked.isConfirmed)
    func read() throws -> BearerCredential {
      let bearer = try fixture.service.bearerCredential(token: token.secret, confirmedBy: .gate)
      _ = try fixture.service.showRecipient(
        fixture.recipient, as: bearer.actor,
        options: RequestOptions.followUp.confirmingBearer(bearer))
      return bearer
    }
    // Known from the look above: no read of its own, confirmed by the gate's snapshot.
    let known = try fixture.service.bearerCredential(token: token.secret, confirmedBy: .gate)
    #expect(!known.isConfirmed)
    #expect(try read().isConfirmed)

    let other = try SamhandService.open(
      dataDirectory: fixture.service.dataDirectory, clock: fixture.clock)
    try other.revokeToken(token.id, by: "test")
    let stale = try fixture.service.bearerCredential(token: token.secret, confirmedBy: .gate)
    #expect(!stale.isConfirmed)
    #expect(throws: ServiceError.unauthenticated) {
      try fixture.service.showRecipient(
        fixture.recipient, as: stale.actor, options: RequestOptions.followUp.confirmingBearer(stale)
      )
    }
    #expect(!stale.isConfirmed)
    #expect(throws: ServiceError.unauthenticated) { try fixture.service.confirm(stale) }
    #expect(throws: ServiceError.unauthenticated) {
      try fixture.service.bearerCredential(token: token.secret, confirmedBy: .gate)
    }

    let expiring = try fixture.service.createToken(for: staff, days: 1, by: "test")
    let fresh = try fixture.service.bearerCredential(token: expiring.secret, confirmedBy: .store)
    fixture.clock.advance(hours: 24.01)
    #expect(throws: ServiceError.unauthenticated) {
      try fixture.service.showRecipient(
        fixture.recipient, as: fresh.actor, options: RequestOptions.followUp.confirmingBearer(fresh)
      )
    }
    #expect(throws: ServiceError.unauthenticated) {
      try fixture.service.bearerCredential(token: expiring.secret, confirmedBy: .gate)
    }
  }

  @Test("a bearer credential confirms only the actor it names")
  func bearerOfAnother() throws {
    let (fixture, _) = try assignedNAV()
    let token = try fixture.service.createToken(
      for: StaffID(rawValue: "nav.caseworker"), days: 1, by: "test")
    let bearer = try fixture.service.bearerCredential(token: token.secret, confirmedBy: .store)
    #expect(throws: ServiceError.unauthenticated) {
      try fixture.service.showRecipient(
        fixture.recipient, as: coordinator,
        options: RequestOptions.followUp.confirmingBearer(bearer))
    }
  }

  @Test("revoked and expired tokens stop authenticating at once")
  func tokens() throws {
    let fixture = try ServiceFixture()
    let staff = StaffID(rawValue: "nav.caseworker")
    let revoked = try fixture.service.createToken(for: staff, days: 1, by: "test")
    let expiring = try fixture.service.createToken(for: staff, days: 1, by: "test")
    #expect(
      try fixture.service.bearerCredential(token: revoked.secret, confirmedBy: .store).actor.staffID
        == staff)
    try fixture.service.revokeToken(revoked.id, by: "test")
    #expect(throws: ServiceError.unauthenticated) {
      try fixture.service.bearerCredential(token: revoked.secret, confirmedBy: .store)
    }
    #expect(
      try fixture.service.bearerCredential(token: expiring.secret, confirmedBy: .store).actor
        .staffID == staff)
    fixture.clock.advance(hours: 24.01)
    #expect(throws: ServiceError.unauthenticated) {
      try fixture.service.bearerCredential(token: expiring.secret, confirmedBy: .store)
    }
    #expect(throws: ServiceError.unauthenticated) {
      try fixture.service.bearerCredential(token: "smh_not-a-token", confirmedBy: .store)
    }
    let listed = try fixture.service.tokens(of: staff)
    #expect(listed.count == 2)
    #expect(listed.contains { $0.revokedAt != nil })
  }

  @Test("emergency access ends after its hours, and every read under it is flagged")
  func breakGlassExpires() throws {
    let fixture = try ServiceFixture()
    let clinician = ServiceFixture.actor("gp.clinician")
    let grant = try fixture.service.breakGlass(
      recipient: fixture.recipient, reason: "funnet bevisstløs", as: clinician, options: .followUp)
    #expect(
      grant.expiresAt.timeIntervalSince(grant.grantedAt)
        == Double(fixture.service.settings.breakGlassHours) * 3600)
    _ = try fixture.service.showRecipient(fixture.recipient, as: clinician, options: .followUp)
    #expect(try fixture.lastEntry(action: "recipient.show")?.breakGlass == true)
    fixture.clock.advance(hours: Double(fixture.service.settings.breakGlassHours) + 0.01)
    #expect(throws: ServiceError.self) {
      try fixture.service.showRecipient(fixture.recipient, as: clinician, options: .followUp)
    }
    let auditor = ServiceFixture.actor("phr.auditor")
    #expect(
      try fixture.service.breakGlassGrants(as: auditor, options: .followUp).map(\.id) == [grant.id])
    try fixture.service.reviewBreakGlass(
      grant.id, outcome: .questioned, comment: "ingen journalført akutt situasjon", as: auditor,
      options: .followUp)
    #expect(try fixture.service.breakGlassGrants(as: auditor, options: .followUp).isEmpty)
    let all = try fixture.service.breakGlassGrants(
      pendingOnly: false, as: auditor, options: .followUp)
    #expect(all.first?.reviewOutcome == .questioned)
    #expect(throws: ServiceError.self) {
      try fixture.service.reviewBreakGlass(
        grant.id, outcome: .accepted, comment: "x", as: auditor, options: .followUp)
    }
  }

  @Test("the access log shows who looked, from which service, why, and denied attempts")
  func accessLog() throws {
    let (fixture, _) = try assignedNAV()
    _ = try? fixture.service.showRecipient(
      fixture.recipient, as: ServiceFixture.actor("nav.other"),
      options: RequestOptions(purpose: "nysgjerrig"))
    let log = try fixture.service.accessLog(
      of: fixture.recipient, as: coordinator, options: .followUp)
    let navLook = try #require(
      log.first { $0.staffID == "nav.caseworker" && $0.action == "recipient.show" })
    #expect(navLook.allowed)
    #expect(navLook.service == "nav")
    #expect(navLook.purpose == "follow-up")
    #expect(navLook.staffName == "Test nav.caseworker")
    let snoop = try #require(log.first { $0.staffID == "nav.other" })
    #expect(!snoop.allowed)
    #expect(snoop.purpose == "nysgjerrig")
  }
}
