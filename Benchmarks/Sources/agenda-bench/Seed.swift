import BenchSeed
import Foundation
import SamhandCore
import SamhandStore

/// A clock stopped at one instant, so seeded groups can have started months ago.
struct FixedClock: WallClock {
  let now: Date
}

/// Fills a data directory straight through the store, in batches: `recipients` recipients of
/// psykisk-helse-rus, each with an active plan, a consent, a responsibility group whose last
/// meeting had minutes and one action item; every fifth also a proposed referral to another
/// coordinator. Coordinator `i % coordinators` coordinates
/// recipient `i`, leads its group and owns its action item, so each coordinator has
/// `recipients / coordinators` recipients. Dates spread deterministically around `today` so
/// that some of each kind fall on the agenda, some are overdue and most are far off.
struct Seed {
  let recipients: Int
  let coordinators: Int
  let today: CalendarDate

  static let service = (try? ServiceCode("psykisk-helse-rus"))!

  static func coordinator(_ index: Int) -> StaffID { StaffID(rawValue: "coord-\(index)") }

  func run(directory: DataDirectory, now: Date) throws -> [RecipientID] {
    let started = FixedClock(now: now.addingTimeInterval(-200 * 86_400))
    let store = try directory.open(clock: started).store
    try store.write { transaction in
      if !(try transaction.serviceExists(Self.service)) {
        try transaction.insertService(Self.service, name: "Psykisk helse og rus")
      }
      for index in 0..<coordinators {
        try transaction.insertStaff(
          Staff(
            id: Self.coordinator(index), name: "Koordinator \(index)", services: [Self.service],
            roles: [.coordinator, .caseworker], active: true))
      }
    }
    var ids = NationalIDs()
    var created: [RecipientID] = []
    let batch = 1_000
    for start in stride(from: 0, to: recipients, by: batch) {
      try store.write { transaction in
        for index in start..<min(start + batch, recipients) {
          created.append(try seed(index, nationalID: ids.next(), in: transaction, now: now))
        }
      }
    }
    return created
  }

  private func seed(
    _ index: Int, nationalID: NationalID, in transaction: StoreTransaction, now: Date
  ) throws -> RecipientID {
    let coordinator = Self.coordinator(index % coordinators)
    let recipient = try transaction.insertRecipient(
      NewRecipient(
        name: "Fiktiv Person \(index)", nationalID: nationalID, registeredBy: Self.service))
    let consent = try transaction.insertConsent(
      NewConsent(
        recipientID: recipient, purpose: "samordning", services: [Self.service],
        categories: [.identity, .plan, .group, .handover], validFrom: today.adding(days: -200),
        validUntil: today.adding(days: index * 13 % 365), today: today.adding(days: -200)),
      recordedBy: coordinator)
    let plan = try transaction.insertPlan(
      recipient: recipient, coordinator: coordinator, content: try PlanContentChange(),
      by: coordinator)
    try transaction.recordPlanChange(plan, change: "activated", by: coordinator) { fields in
      fields.status = .active
      fields.activationConsent = consent
      fields.nextRevision = today.adding(days: index * 7 % 120 - 30)
    }
    let group = try transaction.insertGroup(
      recipient: recipient, plan: plan, interval: try MeetingInterval(months: 3), by: coordinator)
    let member = try transaction.insertGroupMember(
      .staff(coordinator), group: group, recipient: recipient, version: 2, by: coordinator)
    let held = now.addingTimeInterval(-Double(index * 17 % 120) * 86_400)
    let meeting = try transaction.insertMeeting(
      try NewMeeting(plannedAt: held), group: group, recipient: recipient, version: 3,
      by: coordinator)
    _ = try transaction.insertMinutes(
      try NewMinutes(
        text: "Referat", attendees: [member],
        actionItems: [
          .init(text: "Oppfølging", owner: member, due: today.adding(days: index * 11 % 90 - 30))
        ]), meeting: meeting, recipient: recipient, version: 4, by: coordinator)
    if index % 5 == 0 {
      try referral(index, recipient: recipient, from: coordinator, in: transaction)
    }
    return recipient
  }

  /// Every fifth recipient: a proposed discharge referral from its coordinator to the
  /// coordinator five places on, with the default checklist, so each has handovers on both
  /// sides.
  private func referral(
    _ index: Int, recipient: RecipientID, from coordinator: StaffID,
    in transaction: StoreTransaction
  ) throws {
    let kind = HandoverKind.dischargeToAftercare
    let handover = Handover(
      id: "h-" + UUID().uuidString.lowercased(), recipientID: recipient, kind: kind,
      mode: .referral, fromStaff: coordinator, fromService: Self.service,
      toStaff: Self.coordinator((index + 5) % coordinators), toService: Self.service,
      plannedDate: today.adding(days: index * 3 % 60 - 15), proposedOn: today.adding(days: -20),
      state: .proposed)
    try transaction.insertHandover(
      .init(
        handover: handover, notes: nil, holderAtProposal: coordinator,
        checklist: kind.defaultChecklist), by: coordinator)
  }
}
