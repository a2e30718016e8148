import Foundation
import SamhandCore

/// A fictional municipality to try Samhand with: its eight services, fifteen staff across
/// roles, thirty-two recipients (most with consents, some with next of kin or a block), and work in
/// flight (see `Demo+Story.swift`). Every name is made up and every national id is from the
/// synthetic range (month + 80).
public struct Demo: Sendable {
  public struct StaffLogin: Sendable, Encodable {
    public let id: String
    public let name: String
    public let service: String
    public let role: String
    public let token: String
  }

  public struct RecipientRef: Sendable, Encodable {
    public let id: String
  }

  public struct Result: Sendable, Encodable {
    public let staff: [StaffLogin]
    public let recipients: [RecipientRef]
  }

  /// The purpose the demo's staff state (none is filled in); a new request id each time.
  static var demoPurpose: RequestOptions { RequestOptions(purpose: "demo data") }

  static let services: [(String, String)] = [
    ("nav", "NAV Fjordvik"), ("psykisk-helse-rus", "Psykisk helse og rus, Fjordvik kommune"),
    ("fastlege", "Fjordvik legesenter"), ("tsb", "TSB, Fjordvik DPS"),
    ("lar", "LAR, Fjordvik DPS"), ("barnevern", "Barnevernstjenesten i Fjordvik"),
    ("kriminalomsorg", "Kriminalomsorgen, friomsorgskontoret"),
    ("koordinerende-enhet", "Koordinerende enhet, Fjordvik kommune"),
  ]

  static let staff: [(id: String, name: String, service: String, roles: [StaffRole])] = [
    ("siri.fjell", "Siri Fjell", "psykisk-helse-rus", [.coordinator, .caseworker]),
    ("ola.strand", "Ola Strand", "psykisk-helse-rus", [.clinician]),
    ("hanne.vik", "Hanne Vik", "psykisk-helse-rus", [.leader]),
    ("leif.berg", "Leif Berg", "nav", [.caseworker]),
    ("kari.nes", "Kari Nes", "nav", [.caseworker]),
    ("ane.moe", "Ane Moe", "fastlege", [.clinician]),
    ("jon.rud", "Jon Rud", "tsb", [.clinician]),
    ("eirik.lund", "Eirik Lund", "lar", [.clinician]),
    ("eva.sand", "Eva Sand", "barnevern", [.caseworker]),
    ("tor.lie", "Tor Lie", "kriminalomsorg", [.caseworker]),
    ("mari.holt", "Mari Holt", "koordinerende-enhet", [.coordinator]),
    ("liv.dahl", "Liv Dahl", "koordinerende-enhet", [.leader]),
    ("kim.aas", "Kim Aas", "koordinerende-enhet", [.auditor]),
    ("berit.li", "Berit Li", "nav", [.leader]),
    ("geir.ask", "Geir Ask", "fastlege", [.clinician]),
  ]

  /// Who registers recipients for each service (a care role there).
  static let registrars: [String: String] = [
    "nav": "leif.berg", "psykisk-helse-rus": "siri.fjell", "fastlege": "ane.moe",
    "tsb": "jon.rud", "lar": "eirik.lund", "barnevern": "eva.sand",
    "kriminalomsorg": "tor.lie", "koordinerende-enhet": "mari.holt",
  ]

  static let givenNames = [
    "Per", "Nils", "Mia", "Jonas", "Anne", "Lars", "Ingrid", "Knut", "Silje", "Tore", "Marte",
    "Rune", "Hilde", "Espen", "Tone",
  ]
  static let familyNames = ["Dal", "Eng", "Holm", "Vik", "Berge", "Sletta", "Haug", "Myr"]

  /// Fills a data directory that holds no recipients yet.
  public static func fill(_ service: SamhandService, by osUser: String) throws -> Result {
    guard try service.status().counts.recipients == 0 else {
      throw ServiceError.conflict(
        "the data directory already holds recipients; demo needs a new one")
    }
    for (code, name) in services {
      try service.addService(try ServiceCode(code), name: name, by: osUser)
    }
    var logins: [StaffLogin] = []
    for member in staff {
      let id = StaffID(rawValue: member.id)
      try service.addStaff(
        id: id, name: member.name, services: [try ServiceCode(member.service)],
        roles: member.roles, by: osUser)
      let token = try service.createToken(for: id, days: 90, by: osUser)
      logins.append(
        StaffLogin(
          id: member.id, name: member.name, service: member.service,
          role: member.roles[0].rawValue, token: token.secret))
    }
    var recipients: [RecipientID] = []
    var groups: [Int: GroupID] = [:]
    for index in 0..<30 {
      let (recipient, group) = try addRecipient(index, to: service)
      recipients.append(recipient)
      groups[index] = group
    }
    recipients += try addStory(recipients: recipients, groups: groups, to: service)
    return Result(
      staff: logins, recipients: recipients.map { RecipientRef(id: $0.rawValue) })
  }

  /// Registers demo recipient `index`; returns it and, for every third, its group.
  private static func addRecipient(_ index: Int, to service: SamhandService) throws -> (
    RecipientID, GroupID?
  ) {
    let code = services[index % services.count].0
    let registrar = Actor(
      staffID: StaffID(rawValue: registrars[code] ?? "siri.fjell"), channel: .cli)
    let year = code == "barnevern" ? 2008 + index % 3 : 1965 + index % 35
    guard
      let nationalID = NationalID.synthetic(
        year: year, month: 1 + index % 12, day: 1 + index % 28, individual: 100 + index)
    else { throw ServiceError.invalid("no synthetic national id for demo recipient \(index)") }
    let name =
      "\(givenNames[index % givenNames.count]) \(familyNames[(index / 3) % familyNames.count])"
    let relatives =
      index % 4 == 0
      ? [
        NewRelative(
          name: "Lille \(familyNames[index % familyNames.count])", relation: "datter", isChild: true
        )
      ]
      : []
    let id = try service.registerRecipient(
      name: name, nationalID: nationalID.digits,
      contact: "9\(String(format: "%07d", index * 7919))",
      relatives: relatives, as: registrar, options: demoPurpose)
    let partners = [code, "nav", "psykisk-helse-rus", "fastlege"].uniqued()
    let categories: [InformationCategory] =
      index % 3 == 0 ? [.identity, .plan, .group, .handover] : [.identity, .plan, .group]
    let today = CalendarDate.today(service.clock)
    _ = try service.addConsent(
      recipient: id,
      scope: .init(services: try partners.map { try ServiceCode($0) }, categories: categories),
      purpose: "samordning av tjenester", documentReference: "samtykkeskjema \(index + 1)",
      validUntil: index % 5 == 0 ? today.adding(days: 20) : today.adding(days: 365),
      as: registrar, options: demoPurpose)
    let group =
      index % 3 == 0 ? try addPlanAndGroup(for: id, index: index, by: registrar, to: service) : nil
    if index % 10 == 7 {
      _ = try service.addBlock(
        recipient: id, target: .service(try ServiceCode("nav")), categories: [.health],
        reason: "ønsker ikke at NAV ser helseopplysninger", as: registrar, options: demoPurpose)
    }
    return (id, group)
  }
}

extension Demo {
  static let goals: [(LifeDomain, String)] = [
    (.housing, "Egen leilighet innen et år"), (.workActivity, "Komme i arbeidstrening"),
    (.substanceUse, "Redusere rusbruken"), (.network, "Mer kontakt med familien"),
  ]

  /// An active plan with a goal and a measure, and a responsibility group that has met once.
  static func addPlanAndGroup(
    for recipient: RecipientID, index: Int, by registrar: Actor, to service: SamhandService
  ) throws -> GroupID {
    let today = CalendarDate.today(service.clock)
    let plan = try service.createPlan(
      recipient: recipient, coordinator: registrar.staffID,
      content: try PlanContentChange(
        ownWords: "Jeg vil klare meg selv og ha det godt", nextRevision: today.adding(days: 60)),
      as: registrar, options: demoPurpose)
    try service.activatePlan(plan, as: registrar, options: demoPurpose)
    let (domain, text) = goals[index % goals.count]
    let goal = try service.addGoal(
      try NewGoal(domain: domain, text: text), to: plan, as: registrar, options: demoPurpose)
    try service.addMeasure(
      try NewMeasure(
        description: "Oppfølgingssamtaler", responsibleService: try ServiceCode("nav"),
        extent: "1 time annenhver uke", start: today, status: .ongoing, goals: [goal.id]),
      to: plan, as: registrar, options: demoPurpose)
    let group = try service.createGroup(for: plan, as: registrar, options: demoPurpose)
    let member = try service.addGroupMember(
      .recipient, to: group, as: registrar, options: demoPurpose)
    let meeting = try service.planMeeting(
      try NewMeeting(plannedAt: service.clock.now, agenda: "Oppstart"), in: group, as: registrar,
      options: demoPurpose)
    try service.recordMinutes(
      try NewMinutes(
        text: "Oppstartsmøte: planen gjennomgått",
        actionItems: [.init(text: "Søke bolig", owner: member.id, due: today.adding(days: 30))]),
      of: meeting.id, as: registrar, options: demoPurpose)
    return group
  }
}

extension Array where Element: Hashable {
  func uniqued() -> [Element] {
    var seen: Set<Element> = []
    return filter { seen.insert($0).inserted }
  }
}
