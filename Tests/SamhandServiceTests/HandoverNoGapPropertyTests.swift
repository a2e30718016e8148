import Dispatch
import Foundation
import SamhandCore
import SamhandService
import SamhandTestSupport
import Testing

/// Invariant 6 over seeded random sequences of proposals (transfers and referrals, several
/// kinds), acceptances, rejections, withdrawals and completions by random parties, with
/// concurrent acceptances of competing transfers. After every step: every recipient has
/// exactly one holder; every plan that is not closed has that holder as its one coordinator;
/// and the holder changed only by the accepted transfer of that step.
@Suite("Handovers: no gap in responsibility")
struct HandoverNoGapPropertyTests {
  static let staff = [
    "phr.coordinator", "phr.caseworker", "nav.caseworker", "nav.other", "gp.clinician",
    "tsb.clinician",
  ]
  static let kinds = HandoverKind.allCases.map(\.rawValue)

  enum Operation: CaseIterable {
    case propose, accept, reject, withdraw, complete, competingAccepts
    static let weighted: [Operation] = allCases + [.propose, .propose, .accept, .accept]
  }

  /// The holder, per recipient, and the coordinators of plans that are not closed.
  struct Observed: Equatable {
    var holders: [String: [String]]
    var coordinators: [String: [String]]
  }

  @Test(
    "one holder, equal to the plan's coordinator, moved only by an accepted transfer",
    arguments: [3, 11, 99, 2026, 424_242] as [UInt64])
  func randomSequences(seed: UInt64) throws {
    print("HandoverNoGapPropertyTests seed \(seed)")
    var random = SplitMix64(seed: seed)
    let fixture = try ServiceFixture()
    let consent: [InformationCategory] = [.identity, .plan, .handover]
    _ = try fixture.consent(["nav", "fastlege", "tsb"], consent)
    _ = try fixture.activePlan()
    var handovers: [HandoverID] = []
    var moves = 0
    var before = try Self.observe(fixture)
    try Self.checkShape(before, fixture, "seed \(seed), start")
    for step in 0..<50 {
      let context = "seed \(seed), step \(step)"
      fixture.clock.advance(hours: 2)
      let actor = ServiceFixture.actor(random.pick(Self.staff))
      let operation = Operation.weighted[random.below(Operation.weighted.count)]
      var moved: [String] = []
      switch operation {
      case .propose:
        let proposal = fixture.proposal(
          random.pick(Self.kinds), mode: random.chance(0.6) ? "transfer" : "referral",
          to: random.pick(Self.staff), inDays: random.below(40))
        if let id = try? fixture.service.proposeHandover(proposal, as: actor, options: .followUp).id
        {
          handovers.append(id)
        }
      case .accept where !handovers.isEmpty:
        let id = random.pick(handovers)
        if (try? fixture.service.acceptHandover(id, as: actor, options: .followUp)) != nil {
          moved = try Self.transferTarget(fixture, id)
        }
      case .reject where !handovers.isEmpty:
        _ = try? fixture.service.rejectHandover(
          random.pick(handovers), category: .noCapacity, reason: "nei", as: actor,
          options: .followUp)
      case .withdraw where !handovers.isEmpty:
        _ = try? fixture.service.withdrawHandover(
          random.pick(handovers), as: actor, options: .followUp)
      case .complete where !handovers.isEmpty:
        _ = try? fixture.service.completeHandover(
          random.pick(handovers), as: actor, options: .followUp)
      case .competingAccepts:
        moved = try Self.competingAccepts(fixture, &random, &handovers, context)
      default:
        break
      }
      let after = try Self.observe(fixture)
      try Self.checkShape(after, fixture, context)
      let recipient = fixture.recipient.rawValue
      if moved.isEmpty {
        #expect(after.holders == before.holders, "\(context): holder moved without a transfer")
      } else {
        #expect(after.holders[recipient] == moved, "\(context): \(operation)")
        moves += 1
      }
      before = after
    }
    // A sequence in which responsibility never moved would prove nothing.
    #expect(moves > 0, "seed \(seed): no transfer was accepted")
  }

  /// Two transfers from the holder to two different receivers, accepted at the same time
  /// from two threads: exactly one wins. Returns the winner's receiver.
  static func competingAccepts(
    _ fixture: ServiceFixture, _ random: inout SplitMix64, _ handovers: inout [HandoverID],
    _ context: String
  ) throws -> [String] {
    let holder = try #require(try observe(fixture).holders[fixture.recipient.rawValue]?.first)
    let receivers = Array(staff.filter { $0 != holder }.shuffled(using: &random).prefix(2))
    let proposer = ServiceFixture.actor(holder)
    let ids = try receivers.map { receiver in
      try fixture.service.proposeHandover(
        fixture.proposal("service-transfer", mode: "transfer", to: receiver), as: proposer,
        options: .followUp
      ).id
    }
    handovers += ids
    let results = Results()
    DispatchQueue.concurrentPerform(iterations: 2) { index in
      let accepted = try? fixture.service.acceptHandover(
        ids[index], as: ServiceFixture.actor(receivers[index]), options: .followUp)
      if accepted != nil { results.add(receivers[index]) }
    }
    let winners = results.all
    #expect(winners.count == 1, "\(context): \(winners.count) of two competing transfers won")
    return winners.count == 1 ? winners : []
  }

  /// The receiver a just-accepted handover moved responsibility to, if it was a transfer.
  static func transferTarget(_ fixture: ServiceFixture, _ id: HandoverID) throws -> [String] {
    try fixture.service.values(
      """
      SELECT COALESCE(to_staff, accepted_by) FROM handovers
      WHERE id = \(id.rawValue) AND mode = 'transfer'
      """, as: String.self)
  }

  static func observe(_ fixture: ServiceFixture) throws -> Observed {
    try fixture.service.snapshot { connection in
      var holders: [String: [String]] = [:]
      for row in try connection.fetchAll(
        "SELECT recipient_id, staff_id FROM responsibilities WHERE ended_at IS NULL")
      {
        holders[try row["recipient_id"], default: []].append(try row["staff_id"])
      }
      var coordinators: [String: [String]] = [:]
      for row in try connection.fetchAll(
        """
        SELECT p.id, c.staff_id FROM plans p JOIN plan_coordinators c ON c.plan_id = p.id
        WHERE p.status != 'closed' AND c.ended_at IS NULL
        """)
      {
        coordinators[try row["id"], default: []].append(try row["staff_id"])
      }
      return Observed(holders: holders, coordinators: coordinators)
    }
  }

  /// Exactly one holder per recipient, and each open plan has exactly that one coordinator.
  static func checkShape(_ observed: Observed, _ fixture: ServiceFixture, _ context: String)
    throws
  {
    let holders = try #require(observed.holders[fixture.recipient.rawValue], "\(context)")
    #expect(holders.count == 1, "\(context): \(holders)")
    #expect(!observed.coordinators.isEmpty, "\(context): the plan is gone")
    for (plan, coordinators) in observed.coordinators {
      #expect(coordinators == holders, "\(context): plan \(plan) has \(coordinators)")
    }
  }

  final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ item: String) { lock.withLock { items.append(item) } }
    var all: [String] { lock.withLock { items } }
  }
}
