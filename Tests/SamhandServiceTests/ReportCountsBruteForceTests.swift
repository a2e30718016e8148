import Foundation
import GRDB
import SamhandCore
import SamhandService
import SamhandStore
import SamhandTestSupport
import Testing

/// The store's report counts against a count made the slow way: every row read back and
/// judged in Swift, month end by month end, for random work of two services over a year.
@Suite("Report counts against brute force")
struct ReportCountsBruteForceTests {
  @Test(
    "indicator and handover counts equal a brute-force count over the store",
    arguments: [1, 2, 3] as [UInt64])
  func countsMatch(seed: UInt64) throws {
    let fixture = try ServiceFixture()
    var random = SplitMix64(seed: seed)
    try RandomWork(fixture: fixture).run(steps: 150, random: &random)
    let (store, _) = try DataDirectory(url: fixture.temporary.path("data")).open(
      clock: fixture.clock)
    let slow = try DatabaseQueue(path: fixture.databaseURL.path).read { try BruteForce(db: $0) }
    for year in [2026, 2027] {
      let tallies = try store.read { try $0.indicatorTallies(year: year) }
      for measure in IndicatorMeasure.allCases {
        #expect(
          Self.table(tallies[measure] ?? []) == slow.counts(measure, year: year),
          "seed \(seed), \(year), \(measure)")
      }
      let facts = try store.read { try $0.handoverFacts(year: year) }
      #expect(
        Dictionary(grouping: facts) {
          "\($0.service) \($0.kind.rawValue) \($0.state.rawValue) "
            + ($0.rejectionCategory?.rawValue ?? "-")
        }
        .mapValues(\.count) == slow.handovers(year: year),
        "seed \(seed), \(year), handovers")
    }
  }

  static func table(_ tallies: [ReportTally]) -> [String: Int] {
    Dictionary(
      tallies.filter { $0.count > 0 }.map { ("\($0.service) \($0.month)", $0.count) },
      uniquingKeysWith: +)
  }
}

/// Random work of psykisk-helse-rus and NAV, with the clock moving on between steps.
struct RandomWork {
  let fixture: ServiceFixture
  var service: SamhandService { fixture.service }

  func run(steps: Int, random: inout SplitMix64) throws {
    var recipients: [(RecipientID, Actor)] = []
    var plans: [(PlanID, Actor, active: Bool)] = []
    var groups: [(GroupID, Actor)] = []
    var meetings: [(MeetingID, Actor)] = []
    var serial = 0
    for _ in 0..<steps {
      fixture.clock.advance(hours: Double(random.below(96)))
      switch random.below(9) {
      case 0, 1:
        let actor = random.pick([
          ServiceFixture.actor("phr.coordinator"), ServiceFixture.actor("nav.caseworker"),
        ])
        var id: NationalID?
        while id == nil {
          serial += 1
          id = NationalID.synthetic(
            year: 1980 + serial % 20, month: 1 + serial % 12, day: 1 + serial % 28,
            individual: serial % 500)
        }
        let recipient = try service.registerRecipient(
          name: "Fiktiv \(serial)", nationalID: id!.digits, as: actor, options: .followUp)
        recipients.append((recipient, actor))
      case 2 where !recipients.isEmpty:
        let (recipient, actor) = random.pick(recipients)
        guard
          (try? service.createPlan(
            recipient: recipient, coordinator: actor.staffID, as: actor, options: .followUp)).map({
              plans.append(($0, actor, false))
            }) != nil
        else { continue }
        let code = try ServiceCode(
          actor.staffID.rawValue.hasPrefix("nav") ? "nav" : "psykisk-helse-rus")
        _ = try service.addConsent(
          recipient: recipient,
          scope: .init(services: [code], categories: [.identity, .plan, .group]),
          purpose: "samordning", as: actor, options: .followUp)
      case 3 where !plans.isEmpty:
        let index = random.below(plans.count)
        let (plan, actor, active) = plans[index]
        if active {
          if random.chance(0.5) {
            _ = try? service.revisePlan(
              plan, evaluation: "Evaluert",
              nextRevision: CalendarDate.today(fixture.clock).adding(days: random.below(60) - 20),
              as: actor, options: .followUp)
          } else {
            _ = try? service.closePlan(plan, reason: "Ferdig", as: actor, options: .followUp)
          }
        } else if (try? service.activatePlan(plan, as: actor, options: .followUp)) != nil {
          plans[index].active = true
        }
      case 4 where !plans.isEmpty:
        let (plan, actor, _) = random.pick(plans)
        if let group = try? service.createGroup(for: plan, as: actor, options: .followUp) {
          groups.append((group, actor))
        }
      case 5 where !groups.isEmpty:
        let (group, actor) = random.pick(groups)
        if random.chance(0.2) {
          _ = try? service.closeGroup(group, as: actor, options: .followUp)
        } else if let meeting = try? service.planMeeting(
          NewMeeting(
            plannedAt: fixture.clock.now.addingTimeInterval(Double(random.below(40) - 10) * 86_400)),
          in: group, as: actor, options: .followUp)
        {
          meetings.append((meeting.id, actor))
        }
      case 7 where !recipients.isEmpty:
        let (recipient, actor) = random.pick(recipients)
        guard actor.staffID.rawValue == "phr.coordinator" else { continue }
        _ = try service.addConsent(
          recipient: recipient,
          scope: .init(
            services: [ServiceCode("nav")], categories: [.identity, .plan, .group, .handover]),
          purpose: "overgang", as: actor, options: .followUp)
        let proposal = HandoverProposal(
          recipient: recipient, kind: random.pick(HandoverKind.allCases).rawValue,
          mode: random.pick(["transfer", "referral"]), toStaff: StaffID(rawValue: "nav.caseworker"),
          plannedDate: CalendarDate.today(fixture.clock).adding(days: random.below(30)).description)
        guard let handover = try? service.proposeHandover(proposal, as: actor, options: .followUp)
        else { continue }
        let receiver = ServiceFixture.actor("nav.caseworker")
        switch random.below(3) {
        case 0: _ = try? service.acceptHandover(handover.id, as: receiver, options: .followUp)
        case 1:
          _ = try? service.rejectHandover(
            handover.id, category: random.pick(HandoverRejectionCategory.allCases),
            reason: "Ikke vårt", as: receiver, options: .followUp)
        default: break
        }
      case 6 where !meetings.isEmpty:
        let (meeting, actor) = random.pick(meetings)
        _ = try? service.recordMinutes(
          NewMinutes(text: "Referat"), of: meeting, as: actor, options: .followUp)
      default:
        continue
      }
    }
  }
}

/// Every row read back and judged in Swift.
struct BruteForce {
  let recipients: [Row]
  let planVersions: [Row]
  let plans: [Row]
  let coordinators: [Row]
  let groups: [Row]
  let meetings: [Row]
  let minutes: Set<String>
  let revisions: [Row]
  let handoverRows: [Row]

  init(db: Database) throws {
    recipients = try Row.fetchAll(db, sql: "SELECT * FROM recipients")
    plans = try Row.fetchAll(db, sql: "SELECT * FROM plans")
    planVersions = try Row.fetchAll(db, sql: "SELECT * FROM plan_versions")
    coordinators = try Row.fetchAll(db, sql: "SELECT * FROM plan_coordinators")
    groups = try Row.fetchAll(db, sql: "SELECT * FROM groups")
    meetings = try Row.fetchAll(db, sql: "SELECT * FROM meetings")
    minutes = Set(try String.fetchAll(db, sql: "SELECT meeting_id FROM meeting_minutes"))
    revisions = try Row.fetchAll(db, sql: "SELECT * FROM plan_revisions")
    handoverRows = try Row.fetchAll(db, sql: "SELECT * FROM handovers")
  }

  static func instant(_ text: String?) -> Date? {
    text.flatMap { try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse($0) }
  }

  /// The instant a month of `year` ends (the next one starts) in Oslo.
  static func end(_ year: Int, _ month: Int) -> Date {
    (month == 12
      ? CalendarDate(year: year + 1, month: 1, day: 1)!
      : CalendarDate(year: year, month: month + 1, day: 1)!).start
  }

  static func start(_ year: Int, _ month: Int) -> Date {
    CalendarDate(year: year, month: month, day: 1)!.start
  }

  func service(ofRecipient id: String) -> String {
    recipients.first { ($0["id"] as String) == id }!["registered_by_service"]
  }

  func service(ofPlan id: String) -> String {
    service(ofRecipient: plans.first { ($0["id"] as String) == id }!["recipient_id"])
  }

  /// The plan's status at `instant`: its newest version changed before it.
  func status(ofPlan id: String, at instant: Date) -> String? {
    planVersions.filter {
      ($0["plan_id"] as String) == id && Self.instant($0["changed_at"])! < instant
    }
    .max { ($0["version"] as Int) < ($1["version"] as Int) }?["status"]
  }

  func firstChange(ofPlan id: String, to status: String) -> Date? {
    planVersions.filter { ($0["plan_id"] as String) == id && ($0["status"] as String) == status }
      .compactMap { Self.instant($0["changed_at"]) }.min()
  }

  func counts(_ measure: IndicatorMeasure, year: Int) -> [String: Int] {
    var counts: [String: Int] = [:]
    for month in 1...12 {
      let (start, end) = (Self.start(year, month), Self.end(year, month))
      func add(_ service: String, _ ids: Set<String>) {
        if !ids.isEmpty { counts["\(service) \(month)", default: 0] += ids.count }
      }
      var byService: [String: Set<String>] = [:]
      func hit(_ service: String, _ id: String) { byService[service, default: []].insert(id) }
      switch measure {
      case .registered:
        for row in recipients where Self.instant(row["created_at"])! < end {
          hit(row["registered_by_service"], row["id"])
        }
      case .activePlan:
        for plan in plans where status(ofPlan: plan["id"], at: end) == "active" {
          hit(service(ofPlan: plan["id"]), plan["recipient_id"])
        }
      case .coordinator:
        for row in coordinators {
          let plan: String = row["plan_id"]
          let ended = Self.instant(row["ended_at"])
          guard Self.instant(row["started_at"])! < end, ended.map({ $0 >= end }) ?? true,
            let status = status(ofPlan: plan, at: end),
            status != "closed" || firstChange(ofPlan: plan, to: "closed")! >= end
          else { continue }
          hit(service(ofPlan: plan), plans.first { ($0["id"] as String) == plan }!["recipient_id"])
        }
      case .activeGroup:
        for row in groups
        where Self.instant(row["created_at"])! < end
          && (Self.instant(row["closed_at"]).map { $0 >= end } ?? true)
        {
          hit(service(ofRecipient: row["recipient_id"]), row["recipient_id"])
        }
      case .plansActivated, .plansClosed:
        for plan in plans {
          guard
            let at = firstChange(
              ofPlan: plan["id"], to: measure == .plansActivated ? "active" : "closed"),
            at >= start, at < end
          else { continue }
          hit(service(ofPlan: plan["id"]), plan["id"])
        }
      case .revisionsOnTime, .revisionsLate:
        for row in revisions {
          let day: String = row["revised_on"]
          guard day.hasPrefix(String(format: "%04d-%02d", year, month)) else { continue }
          let plan: String = row["plan_id"]
          let version: Int = row["plan_version"]
          let due: String? = planVersions.filter {
            ($0["plan_id"] as String) == plan && ($0["version"] as Int) < version
          }
          .max { ($0["version"] as Int) < ($1["version"] as Int) }?["next_revision"]
          guard (due.map { day <= $0 } ?? true) == (measure == .revisionsOnTime) else { continue }
          hit(service(ofPlan: plan), row["id"])
        }
      case .meetingsHeld, .meetingsDue:
        for row in meetings {
          let at = Self.instant(row["planned_at"])!
          guard at >= start, at < end, measure == .meetingsDue || minutes.contains(row["id"]) else {
            continue
          }
          let group = groups.first { ($0["id"] as String) == (row["group_id"] as String) }!
          hit(service(ofRecipient: group["recipient_id"]), row["id"])
        }
      }
      for (service, ids) in byService { add(service, ids) }
    }
    return counts
  }

  func handovers(year: Int) -> [String: Int] {
    var counts: [String: Int] = [:]
    for row in handoverRows {
      guard let proposed = row["proposed_on"] as String?, proposed.hasPrefix("\(year)-") else {
        continue
      }
      let category = row["rejection_category"] as String? ?? "-"
      counts[
        "\(row["from_service"] as String) \(row["kind"] as String) \(row["state"] as String) "
          + category, default: 0] += 1
    }
    return counts
  }
}
