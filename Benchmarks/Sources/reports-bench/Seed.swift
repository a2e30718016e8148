import BenchSeed
import Foundation
import SamhandCore
import SamhandStore

/// A clock stopped at one instant: each batch is seeded at its own moment of the year.
struct FixedClock: WallClock {
  let now: Date
}

/// Fills a data directory straight through the store for the report benchmark: `recipients`
/// recipients spread over eight services and over the year before `end` (in batches of 1 000,
/// each at its own instant), each with a holder of responsibility and a life-domain mapping
/// of five domains (a second mapping for every third); four in five with a plan, most of them
/// active (every tenth closed again), with a group, a planned meeting and, for most, minutes;
/// every third with a handover (kinds and outcomes varied).
struct ReportSeed {
  let recipients: Int
  let end: Date

  static let services = [
    "nav", "psykisk-helse-rus", "fastlege", "tsb", "lar", "barnevern", "kriminalomsorg",
    "koordinerende-enhet",
  ].map { (try? ServiceCode($0))! }

  static func staff(_ service: Int) -> StaffID { StaffID(rawValue: "staff-\(service)") }

  func run(directory: DataDirectory) throws {
    try directory.open(clock: FixedClock(now: end)).store.write { transaction in
      for (index, service) in Self.services.enumerated()
      where !(try transaction.serviceExists(service)) {
        try transaction.insertService(service, name: service.rawValue)
        try transaction.insertStaff(
          Staff(
            id: Self.staff(index), name: "Ansatt \(index)", services: [service],
            roles: [.coordinator, .caseworker], active: true))
      }
    }
    var ids = NationalIDs()
    let batch = 1_000
    let batches = max(1, (recipients + batch - 1) / batch)
    for number in 0..<batches {
      let instant = end.addingTimeInterval(
        -Double(batches - number) / Double(batches) * 360 * 86_400)
      let store = try directory.open(clock: FixedClock(now: instant)).store
      try store.write { transaction in
        for index in (number * batch)..<min((number + 1) * batch, recipients) {
          try seed(index, nationalID: ids.next(), on: CalendarDate(instant), in: transaction)
        }
      }
    }
  }

  private func seed(
    _ index: Int, nationalID: NationalID, on day: CalendarDate, in transaction: StoreTransaction
  ) throws {
    let serviceIndex = index % Self.services.count
    let service = Self.services[serviceIndex]
    let staff = Self.staff(serviceIndex)
    let recipient = try transaction.insertRecipient(
      NewRecipient(name: "Fiktiv Person \(index)", nationalID: nationalID, registeredBy: service))
    try transaction.startResponsibility(of: recipient, staff: staff, service: service)
    let scores = LifeDomainScore.Score.allCases
    for mapping in 0..<(index % 3 == 0 ? 2 : 1) {
      let domains = LifeDomain.allCases.prefix(5)
      try transaction.insertLifeDomainMapping(
        try NewLifeDomainMapping(
          recipientID: recipient, mappedOn: day.adding(days: -mapping * 40),
          scores: Dictionary(
            uniqueKeysWithValues: domains.enumerated().map {
              ($1, scores[(index + $0 + mapping) % 3])
            }),
          today: day),
        by: staff)
    }
    guard index % 5 != 0 else { return }
    let plan = try transaction.insertPlan(
      recipient: recipient, coordinator: staff, content: try PlanContentChange(), by: staff)
    try transaction.recordPlanChange(plan, change: "activated", by: staff) { fields in
      fields.status = .active
      fields.nextRevision = day.adding(days: index % 120 - 30)
    }
    if index % 10 == 1 {
      try transaction.recordPlanChange(plan, change: "closed", by: staff) { $0.status = .closed }
    }
    let group = try transaction.insertGroup(
      recipient: recipient, plan: plan, interval: try MeetingInterval(months: 3), by: staff)
    let meeting = try transaction.insertMeeting(
      try NewMeeting(plannedAt: day.start.addingTimeInterval(Double(index % 20) * 86_400)),
      group: group, recipient: recipient, version: 2, by: staff)
    if index % 4 != 0 {
      _ = try transaction.insertMinutes(
        try NewMinutes(text: "Referat"), meeting: meeting, recipient: recipient, version: 3,
        by: staff)
    }
    if index % 3 == 0 {
      try handover(index, recipient: recipient, service: serviceIndex, on: day, in: transaction)
    }
  }

  /// A referral to the next service, proposed on `day`; accepted, rejected (the categories by
  /// turns), withdrawn or left open by turns.
  private func handover(
    _ index: Int, recipient: RecipientID, service: Int, on day: CalendarDate,
    in transaction: StoreTransaction
  ) throws {
    let kind = HandoverKind.allCases[index % HandoverKind.allCases.count]
    let receiver = (service + 1) % Self.services.count
    let handover = Handover(
      id: HandoverID(rawValue: "h-" + UUID().uuidString.lowercased()), recipientID: recipient,
      kind: kind,
      mode: .referral, fromStaff: Self.staff(service), fromService: Self.services[service],
      toStaff: Self.staff(receiver), toService: Self.services[receiver],
      plannedDate: day.adding(days: index % 30), proposedOn: day, state: .proposed)
    try transaction.insertHandover(
      .init(handover: handover, notes: nil, holderAtProposal: Self.staff(service), checklist: []),
      by: Self.staff(service))
    let outcome: HandoverState? = [.accepted, .rejected, .withdrawn, nil][index / 3 % 4]
    if let outcome {
      try transaction.recordHandoverChange(
        handover, event: outcome.rawValue, to: outcome,
        reason: outcome == .accepted ? nil : "Begrunnelse",
        rejectionCategory: outcome == .rejected
          ? HandoverRejectionCategory.allCases[index % HandoverRejectionCategory.allCases.count]
          : nil,
        acceptedBy: outcome == .accepted ? Self.staff(receiver) : nil, by: Self.staff(receiver))
    }
  }
}
