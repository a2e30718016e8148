import Foundation
import SamhandCore

/// The demo's work in flight, so that a newcomer sees what Samhand is for: handovers on their
/// way (a discharge from treatment with late notice, a release from prison next week, a
/// child-welfare youth turning 18, a referral that was turned down), a plan revision overdue,
/// group meetings coming up, consents about to end, a notice to the coordinating unit, an
/// emergency access for the auditor to review, and a record registered in error waiting for a
/// leader to approve its erasure. Every demo staff member's agenda, handover inbox or review
/// queue has something.
///
/// Recipient `n < 30` of the demo is registered by service `n % 8` (see `Demo.fill`); those with
/// `n % 3 == 0` have an active plan and a responsibility group and consent to handovers.
extension Demo {
  /// Purpose of every step: the demo's staff follow their recipients up.
  static let followUp = RequestOptions(purpose: "follow-up")

  static func actor(_ id: String) -> Actor { Actor(staffID: StaffID(rawValue: id), channel: .cli) }

  /// Adds the story to a filled demo; `groups` are the responsibility groups by recipient
  /// index. Returns the recipients it registered (the youth turning 18, recipient 30, and the
  /// record registered in error, recipient 31).
  static func addStory(
    recipients: [RecipientID], groups: [Int: GroupID], to service: SamhandService
  ) throws -> [RecipientID] {
    let today = CalendarDate.today(service.clock)
    try addHandovers(recipients, today: today, to: service)
    let youth = try addTurning18(today: today, to: service)
    try addRevisionAndMeetings(recipients, groups: groups, today: today, to: service)
    // NAV tells the coordinating unit that a recipient with services from several places has
    // no coordinator: the unit's intake (samhand overview notices) has it waiting.
    _ = try service.sendNotice(
      recipient: recipients[8], need: "coordinator",
      note: "Mottar tjenester fra NAV, fastlegen og psykisk helse; ønsker én å forholde seg til",
      as: actor("leif.berg"), options: followUp)
    // Liv Dahl (leader, koordinerende enhet) opened the record of a LAR patient in an
    // emergency; Kim Aas (auditor) has the grant to review.
    _ = try service.breakGlass(
      recipient: recipients[20],
      reason: "Akutt innleggelse, legevakten ba om oversikt over LAR-behandlingen",
      as: actor("liv.dahl"), options: followUp)
    return [youth, try addRegisteredInError(to: service)]
  }

  /// Kari Nes (NAV) registered Tuva Eik with a mistyped national id, one that may belong to
  /// someone else (S9), and asked for the record to be erased; it waits for Berit Li, NAV's
  /// leader (`samhand erasure list --pending`), since Kari may not approve her own request.
  private static func addRegisteredInError(to service: SamhandService) throws -> RecipientID {
    guard let mistyped = NationalID.synthetic(year: 1990, month: 6, day: 14, individual: 490)
    else { throw ServiceError.invalid("no synthetic national id for the erasure story") }
    let kari = actor("kari.nes")
    let recipient = try service.registerRecipient(
      name: "Tuva Eik", nationalID: mistyped.digits, contact: "40000490", as: kari,
      options: followUp)
    _ = try service.requestErasure(
      of: recipient, ground: .registeredInError,
      reason: "Feil fødselsnummer ved registrering; kan tilhøre en annen person", as: kari,
      options: followUp)
    return recipient
  }

  private static func addHandovers(
    _ recipients: [RecipientID], today: CalendarDate, to service: SamhandService
  ) throws {
    // TSB discharges a patient to psykisk helse og rus in 5 days: late notice (< 14 days).
    try propose(
      recipients[27], "discharge-to-aftercare", "transfer", to: "siri.fjell", in: 5,
      notes: "Utskrives fra døgnbehandling; ettervern må være på plass", by: "jon.rud",
      today: today, service)
    // Kriminalomsorgen hands a release next week over to NAV.
    try propose(
      recipients[6], "prison-release", "transfer", to: "kari.nes", in: 7,
      notes: "Løslatelse neste uke; trenger bolig og økonomisk sosialhjelp", by: "tor.lie",
      today: today, service)
    // The GP refers a patient to psykisk helse og rus without naming anyone: the whole
    // service sees it waiting.
    try propose(
      recipients[18], "service-transfer", "referral", toService: "psykisk-helse-rus", in: 21,
      notes: "Ønsker samtaler om angst og rusbruk", by: "ane.moe", today: today, service)
    // LAR refers a patient to a GP who is not theirs; the GP turns it down with a reason and
    // responsibility stays with LAR.
    let referral = try propose(
      recipients[12], "service-transfer", "referral", to: "geir.ask", in: 10,
      notes: "Oppfølging av somatikk", by: "eirik.lund", today: today, service)
    _ = try service.rejectHandover(
      referral, category: .notOurService,
      reason: "Pasienten står på Ane Moes liste; send henvisningen til henne",
      as: actor("geir.ask"), options: followUp)
  }

  @discardableResult
  private static func propose(
    _ recipient: RecipientID, _ kind: String, _ mode: String, to staff: String? = nil,
    toService: String? = nil, in days: Int, notes: String, by sender: String,
    today: CalendarDate, _ service: SamhandService
  ) throws -> HandoverID {
    try service.proposeHandover(
      HandoverProposal(
        recipient: recipient, kind: kind, mode: mode, toStaff: staff.map(StaffID.init(rawValue:)),
        toService: toService, plannedDate: today.adding(days: days).description, notes: notes),
      as: actor(sender), options: followUp
    ).id
  }

  /// A youth in child welfare turns 18 in seven weeks; barnevern proposes the transfer to
  /// adult mental-health and substance-use services for the birthday.
  private static func addTurning18(today: CalendarDate, to service: SamhandService) throws
    -> RecipientID
  {
    let birthday = today.adding(days: 49)
    guard
      let nationalID = NationalID.synthetic(
        year: birthday.year - 18, month: birthday.month, day: birthday.day, individual: 480)
    else { throw ServiceError.invalid("no synthetic national id for the turning-18 story") }
    let caseworker = actor("eva.sand")
    let youth = try service.registerRecipient(
      name: "Sara Bakken", nationalID: nationalID.digits, contact: "98765432",
      as: caseworker, options: followUp)
    _ = try service.addConsent(
      recipient: youth,
      scope: .init(
        services: try ["barnevern", "psykisk-helse-rus", "nav"].map { try ServiceCode($0) },
        categories: [.identity, .plan, .group, .handover]),
      purpose: "overgang til voksne tjenester ved 18 år", documentReference: "samtykkeskjema 31",
      validUntil: today.adding(days: 365), as: caseworker, options: followUp)
    try propose(
      youth, "turning-18", "transfer", to: "ola.strand", in: 49,
      notes: "Ettervern etter barnevernsloven; ønsker fortsatt kontakt med barnevernet",
      by: "eva.sand", today: today, service)
    return youth
  }

  /// An active plan whose revision was due twelve days ago, and group meetings in the coming
  /// days with the services' leaders and a GP in the groups.
  private static func addRevisionAndMeetings(
    _ recipients: [RecipientID], groups: [Int: GroupID], today: CalendarDate,
    to service: SamhandService
  ) throws {
    let coordinator = actor("mari.holt")
    let plan = try service.createPlan(
      recipient: recipients[7], coordinator: coordinator.staffID,
      content: try PlanContentChange(
        ownWords: "Jeg vil bo for meg selv og ha noe å gjøre på dagtid",
        nextRevision: today.adding(days: -12)),
      as: coordinator, options: followUp)
    try service.activatePlan(plan, as: coordinator, options: followUp)
    let meetings: [(index: Int, coordinator: String, members: [String], days: Int)] = [
      (15, "mari.holt", ["liv.dahl", "berit.li"], 3),
      (12, "eirik.lund", ["geir.ask"], 5),
      (9, "siri.fjell", ["hanne.vik"], 8),
    ]
    for meeting in meetings {
      guard let group = groups[meeting.index] else { continue }
      let lead = actor(meeting.coordinator)
      for member in meeting.members {
        _ = try service.addGroupMember(
          .staff(StaffID(rawValue: member)), to: group, as: lead, options: followUp)
      }
      _ = try service.planMeeting(
        try NewMeeting(
          plannedAt: service.clock.now.addingTimeInterval(Double(meeting.days) * 86_400),
          agenda: "Gjennomgang av planen"),
        in: group, as: lead, options: followUp)
    }
  }
}
