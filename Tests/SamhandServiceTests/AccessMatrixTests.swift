import Foundation
import SamhandCore
import SamhandService
import Testing

/// The access matrix of DESIGN "Who may see what", written out by hand: who × relationship ×
/// consent state × block × emergency access × use case → allow or deny, and the policies the
/// audit entry must name. The expectations come from the rules, not from running the engine.
@Suite("Access matrix through the gate")
struct AccessMatrixTests {
  enum Relationship: Sendable { case none, assigned }
  enum ConsentState: Sendable { case none, live, expired, withdrawn, otherCategory }
  enum BlockState: Sendable {
    case none
    case service(String)
    case staff(String)
    case serviceForHealth(String)
  }
  enum Use: String, Sendable {
    case show = "recipient.show"
    case listConsents = "consent.list"
    case addConsent = "consent.add"
    case accessLog = "access-log.read"
    case requestBreakGlass = "break-glass.request"
    case listBreakGlass = "break-glass.list"
    case assignNavOther = "recipient.assign"
  }

  struct Case: Sendable, CustomTestStringConvertible {
    let who: String
    var relationship = Relationship.none
    var consent = ConsentState.none
    var block = BlockState.none
    var breakGlass = false
    var deactivated = false
    let use: Use
    let allowed: Bool
    let reasons: [String]

    var testDescription: String {
      "\(who) \(relationship) consent:\(consent) block:\(block)\(breakGlass ? " break-glass" : "")\(deactivated ? " deactivated" : "") \(use.rawValue) → \(allowed ? "allow" : "deny")"
    }
  }

  static let careStaff = "psykisk-helse-rus-care-staff-records"
  static let careTeam = "global-permit-care-team-records"
  static let noConsent = "global-forbid-cross-service-without-consent"
  static let noIdentityConsent = "global-forbid-cross-service-without-identity-consent"

  static let cases: [Case] = [
    // The registering service's care staff.
    Case(who: "phr.caseworker", use: .show, allowed: true, reasons: [careStaff]),
    Case(who: "phr.caseworker", use: .listConsents, allowed: true, reasons: [careStaff]),
    Case(who: "phr.caseworker", use: .addConsent, allowed: true, reasons: [careStaff]),
    Case(
      who: "phr.caseworker", use: .accessLog, allowed: true,
      reasons: ["global-permit-care-relationship-read-audit"]),
    Case(
      who: "phr.caseworker", use: .assignNavOther, allowed: false,
      reasons: ["global-forbid-assign-target-without-consent"]),
    Case(
      who: "phr.caseworker", consent: .live, use: .assignNavOther, allowed: true,
      reasons: ["global-permit-care-relationship-assign"]),
    Case(
      who: "phr.caseworker", consent: .live, block: .service("nav"), use: .assignNavOther,
      allowed: false, reasons: ["global-forbid-assign-blocked-target"]),
    Case(
      who: "phr.caseworker", block: .service("psykisk-helse-rus"), use: .show, allowed: false,
      reasons: ["global-forbid-blocked-service"]),
    Case(
      who: "phr.caseworker", deactivated: true, use: .show, allowed: false,
      reasons: ["global-forbid-inactive-staff"]),
    Case(
      who: "phr.caseworker", use: .requestBreakGlass, allowed: false, reasons: []),
    // Auditors: the audit log, never case content.
    Case(
      who: "phr.auditor", use: .show, allowed: false,
      reasons: ["global-forbid-auditor-case-content"]),
    Case(
      who: "phr.auditor", use: .accessLog, allowed: true,
      reasons: ["global-permit-auditor-read-audit"]),
    Case(
      who: "phr.auditor", use: .listBreakGlass, allowed: true,
      reasons: ["global-permit-auditor-review-break-glass"]),
    // Another service: a care relationship and a live consent, both.
    Case(who: "nav.caseworker", use: .show, allowed: false, reasons: [noConsent]),
    Case(who: "nav.caseworker", consent: .live, use: .show, allowed: false, reasons: []),
    Case(
      who: "nav.caseworker", relationship: .assigned, consent: .live, use: .show, allowed: true,
      reasons: [careTeam]),
    Case(
      who: "nav.caseworker", relationship: .assigned, consent: .expired, use: .show,
      allowed: false, reasons: [noConsent]),
    Case(
      who: "nav.caseworker", relationship: .assigned, consent: .withdrawn, use: .show,
      allowed: false, reasons: [noConsent]),
    Case(
      who: "nav.caseworker", relationship: .assigned, consent: .otherCategory, use: .show,
      allowed: false, reasons: [noConsent]),
    Case(
      who: "nav.caseworker", relationship: .assigned, consent: .live, block: .service("nav"),
      use: .show, allowed: false, reasons: ["global-forbid-blocked-service"]),
    Case(
      who: "nav.caseworker", relationship: .assigned, consent: .live,
      block: .staff("nav.caseworker"), use: .show, allowed: false,
      reasons: ["global-forbid-blocked-staff"]),
    Case(
      who: "nav.caseworker", relationship: .assigned, consent: .live,
      block: .serviceForHealth("nav"), use: .show, allowed: true, reasons: [careTeam]),
    Case(
      who: "nav.caseworker", relationship: .assigned, consent: .live, use: .listConsents,
      allowed: true, reasons: [careTeam]),
    Case(
      who: "nav.caseworker", relationship: .assigned, consent: .live, use: .addConsent,
      allowed: false, reasons: ["global-forbid-identity-writes-outside-registering-service"]),
    Case(
      who: "nav.caseworker", relationship: .assigned, consent: .live, use: .accessLog,
      allowed: true, reasons: ["global-permit-care-relationship-read-audit"]),
    Case(who: "nav.caseworker", consent: .live, use: .accessLog, allowed: false, reasons: []),
    Case(who: "nav.caseworker", use: .requestBreakGlass, allowed: false, reasons: []),
    Case(who: "nav.caseworker", use: .listBreakGlass, allowed: false, reasons: []),
    // Emergency access: a GP clinician outside the recipient's care.
    Case(who: "gp.clinician", use: .show, allowed: false, reasons: [noConsent]),
    Case(who: "gp.clinician", consent: .live, use: .show, allowed: false, reasons: []),
    Case(
      who: "gp.clinician", use: .requestBreakGlass, allowed: true,
      reasons: ["fastlege-clinician-break-glass"]),
    Case(
      who: "gp.clinician", breakGlass: true, use: .show, allowed: true,
      reasons: ["global-permit-break-glass-view"]),
    Case(
      who: "gp.clinician", breakGlass: true, use: .addConsent, allowed: false,
      reasons: [noConsent, "global-forbid-identity-writes-outside-registering-service"]),
    Case(
      who: "gp.clinician", block: .service("fastlege"), breakGlass: true, use: .show,
      allowed: false, reasons: ["global-forbid-blocked-service", noConsent]),
  ]

  @Test("each combination is decided as the table says, and audited so", arguments: cases)
  func matrix(_ row: Case) throws {
    let fixture = try ServiceFixture()
    try arrange(row, fixture)
    let actor = ServiceFixture.actor(row.who)
    let before = try fixture.auditCount()
    var thrown: (any Error)?
    do {
      try perform(row.use, as: actor, fixture)
    } catch {
      thrown = error
    }
    if row.allowed {
      #expect(thrown == nil, "\(String(describing: thrown))")
    } else {
      let error = try #require(thrown as? ServiceError)
      switch error {
      case .notFound(let kind, _): #expect(kind == "recipient")
      case .forbidden: #expect([.listBreakGlass, .requestBreakGlass].contains(row.use))
      default: Issue.record("unexpected error \(error)")
      }
    }
    #expect(try fixture.auditCount() > before, "the decision is audited")
    let entry = try #require(try fixture.lastEntry(action: row.use.rawValue))
    #expect(entry.decision == (row.allowed ? "allow" : "deny"))
    #expect(entry.policies == row.reasons.sorted())
    #expect(entry.breakGlass == (row.breakGlass && row.allowed && row.use == .show))
  }

  private func arrange(_ row: Case, _ fixture: ServiceFixture) throws {
    let coordinator = ServiceFixture.actor("phr.coordinator")
    if row.relationship == .assigned {
      let bridge = try fixture.consent(["nav"], [.identity])
      try fixture.service.assign(
        StaffID(rawValue: row.who), to: fixture.recipient, as: coordinator, options: .followUp)
      try fixture.service.withdrawConsent(bridge, as: coordinator, options: .followUp)
    }
    let covered = ["nav", "fastlege"]
    switch row.consent {
    case .none: break
    case .live: _ = try fixture.consent(covered, [.identity, .plan])
    case .expired:
      let today = CalendarDate.today(fixture.clock)
      _ = try fixture.consent(covered, [.identity, .plan], until: today.adding(days: 1))
      fixture.clock.advance(days: 3)
    case .withdrawn:
      try fixture.service.withdrawConsent(
        try fixture.consent(covered, [.identity, .plan]), as: coordinator, options: .followUp)
    case .otherCategory: _ = try fixture.consent(covered, [.plan])
    }
    if row.breakGlass {
      _ = try fixture.service.breakGlass(
        recipient: fixture.recipient, reason: "bevisstløs på legevakten",
        as: ServiceFixture.actor(row.who), options: .followUp)
    }
    switch row.block {
    case .none: break
    case .service(let code):
      _ = try fixture.service.addBlock(
        recipient: fixture.recipient, target: .service(ServiceCode(code)), as: coordinator,
        options: .followUp)
    case .staff(let id):
      _ = try fixture.service.addBlock(
        recipient: fixture.recipient, target: .staff(StaffID(rawValue: id)), as: coordinator,
        options: .followUp)
    case .serviceForHealth(let code):
      _ = try fixture.service.addBlock(
        recipient: fixture.recipient, target: .service(ServiceCode(code)), categories: [.health],
        as: coordinator, options: .followUp)
    }
    if row.deactivated {
      try fixture.service.deactivateStaff(StaffID(rawValue: row.who), by: ServiceFixture.osUser)
    }
  }

  private func perform(_ use: Use, as actor: Actor, _ fixture: ServiceFixture) throws {
    let service = fixture.service
    switch use {
    case .show: _ = try service.showRecipient(fixture.recipient, as: actor, options: .followUp)
    case .listConsents:
      _ = try service.consents(of: fixture.recipient, as: actor, options: .followUp)
    case .addConsent:
      _ = try service.addConsent(
        recipient: fixture.recipient,
        scope: .init(services: [ServiceCode("tsb")], categories: [.plan]),
        purpose: "behandling", as: actor, options: .followUp)
    case .accessLog: _ = try service.accessLog(of: fixture.recipient, as: actor, options: .followUp)
    case .requestBreakGlass:
      _ = try service.breakGlass(
        recipient: fixture.recipient, reason: "akutt", as: actor, options: .followUp)
    case .listBreakGlass: _ = try service.breakGlassGrants(as: actor, options: .followUp)
    case .assignNavOther:
      try service.assign(
        StaffID(rawValue: "nav.other"), to: fixture.recipient, as: actor, options: .followUp)
    }
  }
}
