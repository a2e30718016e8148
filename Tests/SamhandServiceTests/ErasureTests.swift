import Foundation
import SamhandCore
import SamhandService
import Testing

/// Erasure with four eyes, retention and legal holds (GDPR art. 17, DOMAIN L27).
@Suite("Erasure: four eyes, retention, legal holds")
struct ErasureTests {
  /// The service fixture with leaders: two of psykisk-helse-rus (the registering service) and
  /// one of NAV.
  static func fixture() throws -> ServiceFixture {
    let fixture = try ServiceFixture()
    for (id, code) in [
      ("phr.leader", "psykisk-helse-rus"), ("phr.leader2", "psykisk-helse-rus"),
      ("nav.leader", "nav"),
    ] {
      try fixture.service.addStaff(
        id: StaffID(rawValue: id), name: "Test \(id)", services: [ServiceCode(code)],
        roles: [.leader], by: ServiceFixture.osUser)
    }
    return fixture
  }

  static let actor = ServiceFixture.actor

  static func request(
    _ fixture: ServiceFixture, _ ground: ErasureGround = .registeredInError,
    by staff: String = "phr.caseworker"
  ) throws -> ErasureRequestID {
    try fixture.service.requestErasure(
      of: fixture.recipient, ground: ground, reason: "feil fødselsnummer ved registrering",
      as: actor(staff), options: .followUp)
  }

  static func isErased(_ fixture: ServiceFixture) throws -> Bool {
    try fixture.service.showRecipient(
      fixture.recipient, as: actor("phr.coordinator"), options: .followUp
    ).isErased
  }

  @Test("the requester cannot approve their own request, even as a leader")
  func requesterCannotApprove() throws {
    let fixture = try Self.fixture()
    let id = try Self.request(fixture, by: "phr.leader")
    #expect(throws: ServiceError.conflict(ErasureError.requesterCannotDecide.description)) {
      try fixture.service.approveErasure(id, as: Self.actor("phr.leader"), options: .followUp)
    }
    let attempt = try #require(try fixture.lastEntry(action: "erasure.approve"))
    #expect(attempt.decision != "allow")
    #expect(try !Self.isErased(fixture))
  }

  @Test(
    "neither a caseworker nor a leader of another service nor an auditor may approve",
    arguments: ["phr.caseworker", "nav.caseworker", "nav.leader", "phr.auditor"])
  func othersCannotApprove(staff: String) throws {
    let fixture = try Self.fixture()
    _ = try fixture.consent(["nav"], [.identity])
    let id = try Self.request(fixture, by: "phr.coordinator")
    #expect(throws: ServiceError.notFound(kind: "erasure request", id: id.rawValue)) {
      try fixture.service.approveErasure(id, as: Self.actor(staff), options: .followUp)
    }
    #expect(try fixture.lastEntry(action: "erasure.approve")?.decision == "deny")
    #expect(try !Self.isErased(fixture))
  }

  @Test("a leader of the registering service rejects with a reason; the recipient is kept")
  func rejection() throws {
    let fixture = try Self.fixture()
    let id = try Self.request(fixture)
    #expect(throws: ServiceError.self) {
      try fixture.service.rejectErasure(
        id, reason: " ", as: Self.actor("phr.leader"), options: .followUp)
    }
    try fixture.service.rejectErasure(
      id, reason: "journalføringsplikt", as: Self.actor("phr.leader"), options: .followUp)
    let status = try fixture.service.erasureStatus(
      id, as: Self.actor("phr.leader"), options: .followUp)
    #expect(status.request.status == .rejected)
    #expect(status.request.rejectionReason == .value("journalføringsplikt"))
    #expect(status.backups == nil)
    #expect(throws: ServiceError.self) {
      try fixture.service.approveErasure(id, as: Self.actor("phr.leader2"), options: .followUp)
    }
    #expect(try !Self.isErased(fixture))
  }

  @Test("under a legal hold erasure is refused on any ground; once cleared it is allowed")
  func legalHold() throws {
    let fixture = try Self.fixture()
    #expect(throws: ServiceError.self) {
      try fixture.service.setLegalHold(
        true, on: fixture.recipient, as: Self.actor("phr.caseworker"), options: .followUp)
    }
    try fixture.service.setLegalHold(
      true, on: fixture.recipient, as: Self.actor("phr.leader"), options: .followUp)
    #expect(try fixture.lastEntry(action: "legal-hold.set")?.decision == "allow")
    #expect(throws: ServiceError.conflict(ErasureError.legalHold.description)) {
      try Self.request(fixture, .objection)
    }
    let id = try {
      try fixture.service.setLegalHold(
        false, on: fixture.recipient, as: Self.actor("phr.leader"), options: .followUp)
      return try Self.request(fixture, .objection)
    }()
    try fixture.service.setLegalHold(
      true, on: fixture.recipient, as: Self.actor("phr.leader2"), options: .followUp)
    #expect(throws: ServiceError.conflict(ErasureError.legalHold.description)) {
      try fixture.service.approveErasure(id, as: Self.actor("phr.leader"), options: .followUp)
    }
    #expect(try !Self.isErased(fixture))
  }

  @Test("retention-expired is refused inside the retention period, naming the day it ends")
  func retentionPeriod() throws {
    let fixture = try Self.fixture()
    let registered = CalendarDate.today(fixture.clock)
    let date = registered.adding(years: 10)
    #expect(
      throws: ServiceError.conflict(ErasureError.retentionRunning(mayBeErasedOn: date).description)
    ) { try Self.request(fixture, .retentionExpired) }
    fixture.clock.advance(days: 365 * 10)
    #expect(throws: ServiceError.self) { try Self.request(fixture, .retentionExpired) }
    #expect(
      try fixture.service.retentionDue(as: Self.actor("phr.leader"), options: .followUp)
        .items.isEmpty)
    while CalendarDate.today(fixture.clock) < date { fixture.clock.advance(days: 1) }
    let due = try fixture.service.retentionDue(as: Self.actor("phr.leader"), options: .followUp)
    #expect(due.items.map(\.recipientID) == [fixture.recipient])
    #expect(due.items.first?.mayBeErasedOn == date)
    #expect(
      try fixture.service.retentionDue(as: Self.actor("phr.caseworker"), options: .followUp)
        .items.isEmpty)
    let id = try Self.request(fixture, .retentionExpired)
    _ = try fixture.service.approveErasure(id, as: Self.actor("phr.leader"), options: .followUp)
    #expect(try Self.isErased(fixture))
  }

  @Test("erasure is refused while a plan is open, and retention runs from its closing")
  func openPlan() throws {
    let fixture = try Self.fixture()
    let plan = try fixture.service.createPlan(
      recipient: fixture.recipient, coordinator: StaffID(rawValue: "phr.coordinator"),
      as: Self.actor("phr.coordinator"), options: .followUp)
    #expect(throws: ServiceError.conflict(ErasureError.openRecords(["plan \(plan)"]).description)) {
      try Self.request(fixture)
    }
    fixture.clock.advance(days: 400)
    try fixture.service.closePlan(
      plan, reason: "avsluttet", as: Self.actor("phr.coordinator"), options: .followUp)
    let closed = CalendarDate.today(fixture.clock)
    #expect(
      throws: ServiceError.conflict(
        ErasureError.retentionRunning(mayBeErasedOn: closed.adding(years: 10)).description)
    ) { try Self.request(fixture, .retentionExpired) }
    _ = try Self.request(fixture, .objection)
  }

  @Test(
    "an approved erasure shreds at once and tells which key version to retire, and when",
    arguments: [ErasureGround.registeredInError, .objection, .retentionExpired])
  func approved(ground: ErasureGround) throws {
    let fixture = try Self.fixture()
    if ground == .retentionExpired { fixture.clock.advance(days: 365 * 10 + 3) }
    let id = try Self.request(fixture, ground)
    #expect(throws: ServiceError.self) { try Self.request(fixture, .objection) }
    let report = try fixture.service.approveErasure(
      id, as: Self.actor("phr.leader"), options: .followUp)
    #expect(try fixture.lastEntry(action: "erasure.approve")?.decision == "allow")
    #expect(report.request.status == .approved)
    #expect(report.request.reason == .erased)
    let backups = try #require(report.backups)
    #expect(backups.kekVersion == 1)
    #expect(backups.versionsToRetire == [1])
    #expect(!backups.isComplete)
    #expect(backups.retireOnOrAfter == CalendarDate.today(fixture.clock).adding(days: 30))
    #expect(try Self.isErased(fixture))
    #expect(throws: ServiceError.self) {
      try fixture.service.findRecipient(
        nationalID: fixture.nationalID.digits, as: Self.actor("phr.coordinator"),
        options: .followUp)
    }
    #expect(throws: ServiceError.conflict(ErasureError.alreadyErased.description)) {
      try Self.request(fixture, .objection)
    }
    let consents = try fixture.service.consents(
      of: fixture.recipient, as: Self.actor("phr.coordinator"), options: .followUp)
    #expect(consents.allSatisfy { $0.purpose == .erased })
  }

  @Test("retiring the key version completes the erasure in every backup, and says so")
  func keyRetirement() throws {
    let fixture = try Self.fixture()
    let id = try Self.request(fixture)
    _ = try fixture.service.approveErasure(id, as: Self.actor("phr.leader"), options: .followUp)
    #expect(try fixture.service.rotateKeys(by: ServiceFixture.osUser).completedErasures == [])
    let retired = try fixture.service.retireKey(version: 1, by: ServiceFixture.osUser)
    #expect(retired.completedErasures == [id])
    let status = try fixture.service.erasureStatus(
      id, as: Self.actor("phr.auditor"), options: .followUp)
    #expect(status.backups?.isComplete == true)
  }

  @Test("auditors and leaders of the registering service see the queue; nobody else")
  func queue() throws {
    let fixture = try Self.fixture()
    _ = try fixture.consent(["nav"], [.identity])
    let id = try Self.request(fixture)
    for staff in ["phr.auditor", "phr.leader"] {
      let page = try fixture.service.erasureRequests(
        pendingOnly: true, as: Self.actor(staff), options: .followUp)
      #expect(page.items.map(\.request.id) == [id])
    }
    for staff in ["phr.caseworker", "nav.leader", "nav.caseworker", "gp.clinician"] {
      let page = try fixture.service.erasureRequests(
        pendingOnly: false, as: Self.actor(staff), options: .followUp)
      #expect(page.items.isEmpty)
    }
    #expect(throws: ServiceError.self) {
      try fixture.service.erasureStatus(id, as: Self.actor("phr.caseworker"), options: .followUp)
    }
    #expect(throws: ServiceError.self) {
      try fixture.service.requestErasure(
        of: fixture.recipient, ground: .objection, reason: "x", as: Self.actor("nav.caseworker"),
        options: .followUp)
    }
  }
}
