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
    // An erasure request is only made while nothing is open; this one was turned down.
    try service.addStaff(
      id: StaffID(rawValue: "phr.leader"), name: "Test leder",
      services: [ServiceCode("psykisk-helse-rus")], roles: [.leader], by: ServiceFixture.osUser)
    let erasure = try service.requestErasure(
      of: fixture.recipient, ground: .objection, reason: "SLETTING-GRUNN", as: Self.coordinator,
      options: .followUp)
    try service.rejectErasure(
      erasure, reason: "AVSLAG-GRUNN", as: ServiceFixture.actor("phr.leader"), options: .followUp)
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
    try service.assign(
      StaffID(rawValue: "nav.other"), to: fixture.recipient, as: Self.coordinator,
      options: .followUp)
    _ = try service.breakGlass(
      recipient: fixture.recipient, reason: "NØDTILGANG-GRUNN",
      as: ServiceFixture.actor("gp.clinician"), options: .followUp)
    _ = try service.sendNotice(
      recipient: fixture.recipient, need: "coordinator", note: "MELDING-NOTAT",
      as: Self.coordinator, options: .followUp)
    try service.setLegalHold(
      true, on: fixture.recipient, as: ServiceFixture.actor("phr.leader"), options: .followUp)
    _ = try service.addComment(
      "<i>KODE & MARKUP</i>", to: plan, as: Self.coordinator, options: .followUp)
    _ = try service.showRecipient(
      fixture.recipient, as: ServiceFixture.actor("nav.caseworker"), options: .followUp)
  }

  /// Every member of the JSON export that holds records.
  static let recordKinds = [
    "identityVersions", "consents", "blocks", "plans", "groups", "handovers",
    "lifeDomainScores", "responsibilities", "assignments", "breakGlassGrants", "notices",
    "erasureRequests", "legalHolds", "accessLog",
  ]

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
    for kind in Self.recordKinds {
      #expect(((export[kind] as? [Any]) ?? []).isEmpty == false, "\(kind) is empty")
    }
    let text = String(decoding: data, as: UTF8.self)
    for canary in [
      "Fiktiv Person", fixture.nationalID.digits, "fiktiv@example.invalid", "+47 400 00 010",
      "Fiktivt Barn", "samordning", "SPERRING-GRUNN", "Jeg vil ha egen leilighet",
      "MÅL-EGEN-BOLIG", "TILTAK-SAMTALER", "KOMMENTAR-FRA-MOTTAKER", "EVALUERING-EN",
      "DAGSORDEN-EN", "REFERAT-EN", "VEDTAK-EN", "OVERGANG-NOTAT", "\"red\"", "nav.caseworker",
      "nav.other", "NØDTILGANG-GRUNN", "MELDING-NOTAT", "SLETTING-GRUNN", "AVSLAG-GRUNN",
      "phr.leader",
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

  @Test("every plan and group version is exported with its content as it was then")
  func versionsWithContent() throws {
    let fixture = try ServiceFixture()
    try Self.everyKind(fixture)
    let export = try Self.object(
      try fixture.service.exportRecipient(
        fixture.recipient, format: .json, as: Self.coordinator, options: Self.innsyn))
    for kind in ["plans", "groups"] {
      let record = try #require((export[kind] as? [[String: Any]])?.first)
      let history = try #require(record["history"] as? [[String: Any]])
      let versions = try #require(record["versions"] as? [[String: Any]])
      #expect(versions.map { $0["version"] as? Int } == history.map { $0["version"] as? Int })
      let current = try #require(record["current"] as? [String: Any])
      #expect(NSDictionary(dictionary: versions.last ?? [:]) == NSDictionary(dictionary: current))
    }
    let plan = try #require((export["plans"] as? [[String: Any]])?.first)
    let versions = try #require(plan["versions"] as? [[String: Any]])
    let goals = versions.map { (($0["goals"] as? [Any]) ?? []).count }
    let comments = versions.map { (($0["comments"] as? [Any]) ?? []).count }
    #expect(goals.first == 0 && goals.last == 1 && goals == goals.sorted(), "\(goals)")
    #expect(comments.first == 0 && comments.last == 2 && comments == comments.sorted())
    let measures = try #require(
      versions.first { (($0["measures"] as? [Any]) ?? []).isEmpty == false }?["measures"]
        as? [[String: Any]])
    #expect(measures.first?["description"] as? String == "TILTAK-SAMTALER")
    let group = try #require((export["groups"] as? [[String: Any]])?.first)
    let meetings = try #require(group["versions"] as? [[String: Any]]).map {
      (($0["meetings"] as? [[String: Any]]) ?? []).map { $0["minutes"] as? String }
    }
    #expect(meetings.first == [] && meetings.last == ["REFERAT-EN"])
    #expect(meetings.contains([nil]), "the meeting before its minutes")
  }

  @Test("every table that holds something about a recipient has its place in the export")
  func everyTableCovered() throws {
    let fixture = try ServiceFixture()
    let keys = try fixture.service.foreignKeys()
    var tables = Set(
      try fixture.service.columnNames().filter { $0.hasSuffix(".recipient_id") }.map {
        String($0.prefix { $0 != "." })
      } + ["recipients"])
    var grown = true
    while grown {
      let reached = Set(keys.filter { tables.contains($0.target) }.map(\.table))
      grown = !reached.isSubset(of: tables)
      tables.formUnion(reached)
    }
    let declared = Set(RecipientExport.tableSections.keys)
    let leftOut = Set(RecipientExport.tablesLeftOut.keys)
    #expect(declared.isDisjoint(with: leftOut))
    #expect(
      tables.subtracting(declared.union(leftOut)).isEmpty,
      "recipient tables the export does not cover: \(tables.subtracting(declared.union(leftOut)))")
    #expect(declared.union(leftOut).subtracting(tables).isEmpty, "declared tables that are gone")
    let export = try Self.object(
      try fixture.service.exportRecipient(
        fixture.recipient, format: .json, as: Self.coordinator, options: Self.innsyn))
    let members = Set(RecipientExport.tableSections.values)
    #expect(members.isSubset(of: Set(export.keys)), "\(members.subtracting(export.keys))")
    #expect(tables.count > 35, "the schema walk found \(tables.count) tables")
  }

  @Test("the readable document has a section for every kind of record, HTML escaped, no script")
  func readableDocument() throws {
    let fixture = try ServiceFixture()
    try Self.everyKind(fixture)
    let export = { (format: RecipientExportFormat) throws -> String in
      String(
        decoding: try fixture.service.exportRecipient(
          fixture.recipient, format: format, as: Self.coordinator, options: Self.innsyn),
        as: UTF8.self)
    }
    let markdown = try export(.markdown)
    let html = try export(.html)
    let sections = Set(RecipientExport.tableSections.values)
    let headings = sections.compactMap { RecipientDocument.headings[$0] }
    #expect(headings.count == sections.count, "every kind of record has its heading")
    for heading in headings + ["Planens versjoner", "Individuell plan"] {
      #expect(markdown.contains("## \(heading)"), "md: \(heading)")
      #expect(html.contains("<h2>\(heading)</h2>"), "html: \(heading)")
    }
    for canary in [
      "Fiktiv Person", fixture.nationalID.digits, "+47 400 00 010", "Fiktivt Barn",
      "MÅL-EGEN-BOLIG", "TILTAK-SAMTALER", "REFERAT-EN", "OVERGANG-NOTAT", "NØDTILGANG-GRUNN",
      "MELDING-NOTAT", "SLETTING-GRUNN", "AVSLAG-GRUNN", "Test nav.caseworker (nav.caseworker)",
      "Individuell plan slik den var i versjon 1", "formål: innsyn",
    ] {
      #expect(markdown.contains(canary), "md: \(canary)")
      #expect(html.contains(canary), "html: \(canary)")
    }
    #expect(html.contains("&lt;i&gt;KODE &amp; MARKUP&lt;/i&gt;") && !html.contains("<i>"))
    #expect(!html.lowercased().contains("<script") && !html.contains("src="))
    #expect(!html.contains("http://") && !html.contains("https://"))
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
      "Task", "Observation", "AuditEvent", "Practitioner", "Organization", "Flag",
    ] {
      #expect((report.types[type] ?? 0) > 0, "no \(type)")
    }
    #expect(report.references > 20)
    let json = try Self.object(
      try fixture.service.exportRecipient(
        fixture.recipient, format: .json, as: Self.coordinator, options: Self.innsyn))
    let planVersions = ((json["plans"] as? [[String: Any]]) ?? []).map {
      (($0["history"] as? [Any]) ?? []).count
    }
    #expect(report.types["CarePlan"] == planVersions.reduce(0, +), "one CarePlan per version")
    #expect(report.types["CareTeam"] == 2, "the group and the assignments")
    #expect(report.types["Task"] == 3, "the handover, the notice and the erasure request")
    let text = String(decoding: data, as: UTF8.self)
    #expect(text.contains("\"replaces\"") && text.contains("NØDTILGANG-GRUNN"))
  }
}
