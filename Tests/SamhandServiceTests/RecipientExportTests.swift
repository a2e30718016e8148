import Foundation
import SamhandCore
import SamhandService
import SamhandTestSupport
import Testing

/// The recipient's copy of everything held (GDPR art. 15 and 20): gated as `export` with the
/// purpose `innsyn`, audited once, complete, and nothing of anyone else.
@Suite("Export of everything held")
struct RecipientExportTests {
  static let innsyn = RequestOptions(purpose: "innsyn")
  static let coordinator = ServiceFixture.actor("phr.coordinator")

  /// One record of every kind the store holds about the fixture's recipient.
  static func everyKind(_ fixture: ServiceFixture) throws {
    let service = fixture.service
    let (plan, _) = try fixture.activePlan(services: ["nav", "psykisk-helse-rus", "tsb"])
    let goal = try service.addGoal(
      try NewGoal(domain: .housing, text: "MÅL-EGEN-BOLIG"), to: plan, as: Self.coordinator,
      options: .followUp)
    _ = try service.addMeasure(
      try NewMeasure(
        description: "TILTAK-SAMTALER", responsibleService: try ServiceCode("psykisk-helse-rus"),
        goals: [goal.id]), to: plan, as: Self.coordinator, options: .followUp)
    _ = try service.addComment(
      "KOMMENTAR-FRA-MOTTAKER", to: plan, as: Self.coordinator, options: .followUp)
    _ = try service.revisePlan(
      plan, evaluation: "EVALUERING-EN", as: Self.coordinator, options: .followUp)
    let group = try service.createGroup(for: plan, as: Self.coordinator, options: .followUp)
    _ = try service.addGroupMember(
      .staff(StaffID(rawValue: "nav.caseworker")), to: group, as: Self.coordinator,
      options: .followUp)
    let meeting = try service.planMeeting(
      try NewMeeting(plannedAt: fixture.clock.now, agenda: "DAGSORDEN-EN"), in: group,
      as: Self.coordinator, options: .followUp)
    _ = try service.recordMinutes(
      try NewMinutes(text: "REFERAT-EN", decisions: ["VEDTAK-EN"]), of: meeting.id,
      as: Self.coordinator, options: .followUp)
    _ = try fixture.consent(["tsb"], [.identity, .handover])
    _ = try service.proposeHandover(
      HandoverProposal(
        recipient: fixture.recipient, kind: "discharge-to-aftercare", mode: "referral",
        toStaff: StaffID(rawValue: "tsb.clinician"),
        plannedDate: CalendarDate.today(fixture.clock).adding(days: 30).description,
        notes: "OVERGANG-NOTAT"), as: Self.coordinator, options: .followUp)
    try service.recordLifeDomainMapping(
      recipient: fixture.recipient, scores: [.housing: .red, .network: .yellow],
      as: Self.coordinator, options: .followUp)
    _ = try service.addBlock(
      recipient: fixture.recipient, target: .service(try ServiceCode("fastlege")),
      reason: "SPERRING-GRUNN", as: Self.coordinator, options: .followUp)
    try service.updateRecipient(
      fixture.recipient, try RecipientChange(contact: .some("+47 400 00 010")),
      as: Self.coordinator, options: .followUp)
    _ = try service.showRecipient(
      fixture.recipient, as: ServiceFixture.actor("nav.caseworker"), options: .followUp)
  }

  static func object(_ data: Data) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  @Test("the JSON export holds every kind of record, with versions, and the access log")
  func everythingHeld() throws {
    let fixture = try ServiceFixture()
    try Self.everyKind(fixture)
    let data = try fixture.service.exportRecipient(
      fixture.recipient, format: .json, as: Self.coordinator, options: Self.innsyn)
    let export = try Self.object(data)
    for kind in [
      "identityVersions", "consents", "blocks", "plans", "groups", "handovers",
      "lifeDomainScores", "responsibilities", "accessLog",
    ] {
      #expect(((export[kind] as? [Any]) ?? []).isEmpty == false, "\(kind) is empty")
    }
    let text = String(decoding: data, as: UTF8.self)
    for canary in [
      "Fiktiv Person", fixture.nationalID.digits, "fiktiv@example.invalid", "+47 400 00 010",
      "Fiktivt Barn", "samordning", "SPERRING-GRUNN", "Jeg vil ha egen leilighet",
      "MÅL-EGEN-BOLIG", "TILTAK-SAMTALER", "KOMMENTAR-FRA-MOTTAKER", "EVALUERING-EN",
      "DAGSORDEN-EN", "REFERAT-EN", "VEDTAK-EN", "OVERGANG-NOTAT", "\"red\"", "nav.caseworker",
    ] {
      #expect(text.contains(canary), "\(canary) missing from the export")
    }
    #expect(!text.contains("nationalID") && text.contains("\"nationalId\""))
    #expect(!text.contains("recipientID") && text.contains("\"recipientId\""))
    let log = try #require(export["accessLog"] as? [[String: Any]])
    #expect(log.last?["action"] as? String == "recipient.export")
    #expect(log.contains { $0["staffId"] as? String == "nav.caseworker" })
    let plans = try #require(export["plans"] as? [[String: Any]])
    #expect(((plans.first?["history"] as? [Any]) ?? []).count >= 5, "every plan version")
    let versions = try #require(export["identityVersions"] as? [[String: Any]])
    #expect(
      versions.map { $0["contact"] as? String } == ["fiktiv@example.invalid", "+47 400 00 010"])
  }

  @Test("the export is audited as one entry; a caseworker and a wrong purpose are refused")
  func gated() throws {
    let fixture = try ServiceFixture()
    let before = try fixture.auditCount()
    _ = try fixture.service.exportRecipient(
      fixture.recipient, format: .fhir, as: Self.coordinator, options: Self.innsyn)
    #expect(try fixture.auditCount() == before + 1)
    let entry = try #require(try fixture.lastEntry(action: "recipient.export"))
    #expect(entry.decision == "allow")
    #expect(entry.policies == ["global-permit-registering-service-export"])
    try fixture.expectRefused("no recipient \(fixture.recipient)") {
      _ = try fixture.service.exportRecipient(
        fixture.recipient, format: .json, as: ServiceFixture.actor("phr.caseworker"),
        options: Self.innsyn)
    }
    try fixture.expectRefused("no recipient \(fixture.recipient)") {
      _ = try fixture.service.exportRecipient(
        fixture.recipient, format: .json, as: Self.coordinator, options: .followUp)
    }
    #expect(
      try fixture.lastEntry(action: "recipient.export")?.policies == [
        "global-forbid-export-without-innsyn"
      ])
  }

  @Test("nothing sealed of another recipient appears in either format")
  func nothingOfAnother() throws {
    let fixture = try ServiceFixture()
    try Self.everyKind(fixture)
    let other = try #require(
      NationalID.synthetic(year: 1985, month: 2, day: 3, individual: 456))
    let id = try fixture.service.registerRecipient(
      name: "Annen Fiktiv", nationalID: other.digits, contact: "annen@example.invalid",
      relatives: [NewRelative(name: "Annens Bror", relation: "bror")], as: Self.coordinator,
      options: .followUp)
    try fixture.service.updateRecipient(
      id, try RecipientChange(name: "Annen Rettet"), as: Self.coordinator, options: .followUp)
    for format in RecipientExportFormat.allCases {
      let text = String(
        decoding: try fixture.service.exportRecipient(
          fixture.recipient, format: format, as: Self.coordinator, options: Self.innsyn),
        as: UTF8.self)
      for secret in [
        "Annen Fiktiv", "Annen Rettet", other.digits, "annen@example.invalid", "Annens Bror",
        id.rawValue,
      ] {
        #expect(!text.contains(secret), "\(format): \(secret)")
      }
    }
  }

  @Test("the FHIR bundle validates with fhir.resources, every reference resolving inside it")
  func fhirValidates() throws {
    let fixture = try ServiceFixture()
    try Self.everyKind(fixture)
    let data = try fixture.service.exportRecipient(
      fixture.recipient, format: .fhir, as: Self.coordinator, options: Self.innsyn)
    let again = try fixture.service.exportRecipient(
      fixture.recipient, format: .fhir, as: Self.coordinator, options: Self.innsyn)
    let urls = { (data: Data) throws -> Set<String> in
      let entries = try #require(try Self.object(data)["entry"] as? [[String: Any]])
      return Set(entries.compactMap { $0["fullUrl"] as? String })
    }
    #expect(try urls(data).isSubset(of: urls(again)), "references are stable across exports")
    let report = try FHIRCheck.run(data)
    #expect(report.failures.isEmpty, "\(report.failures)")
    for type in [
      "Patient", "RelatedPerson", "Consent", "CarePlan", "Goal", "CareTeam", "Appointment",
      "Task", "Observation", "AuditEvent", "Practitioner", "Organization",
    ] {
      #expect((report.types[type] ?? 0) > 0, "no \(type)")
    }
    #expect(report.references > 20)
  }
}
