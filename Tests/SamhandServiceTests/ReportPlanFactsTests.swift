import Foundation
import GRDB
import SamhandCore
import SamhandService
import SamhandTestSupport
import Testing

/// The per-plan facts the indicator report reads (`report_plan_facts`, kept by triggers when
/// plans and their versions are written) against the same facts worked out from the base
/// tables, after random work that creates, activates, revises and closes plans, and erases
/// whoever may be erased.
@Suite("Report plan facts")
struct ReportPlanFactsTests {
  @Test(
    "the kept facts equal a recomputation from plans, versions and recipients",
    arguments: [4, 5, 7] as [UInt64])
  func factsMatch(seed: UInt64) throws {
    let fixture = try ErasureTests.fixture()
    var random = SplitMix64(seed: seed)
    try RandomWork(fixture: fixture).run(steps: 150, random: &random)
    let recipients = try DatabaseQueue(path: fixture.databaseURL.path).read {
      try String.fetchAll($0, sql: "SELECT id FROM recipients")
    }
    var erased = 0
    for recipient in recipients {
      guard
        let request = try? fixture.service.requestErasure(
          of: RecipientID(rawValue: recipient), ground: .registeredInError,
          reason: "Registrert ved en feil", as: ServiceFixture.actor("phr.leader"),
          options: .followUp),
        (try? fixture.service.approveErasure(
          request, as: ServiceFixture.actor("phr.leader2"), options: .followUp)) != nil
      else { continue }
      erased += 1
    }
    let (kept, recomputed) = try DatabaseQueue(path: fixture.databaseURL.path).read { db in
      (try Self.facts(db, Self.kept), try Self.facts(db, Self.recomputed))
    }
    #expect(erased > 0, "seed \(seed)")
    #expect(kept.contains { !$0.hasSuffix("|-") }, "seed \(seed): no plan was closed")
    #expect(kept == recomputed, "seed \(seed)")
  }

  static let kept = """
    SELECT plan_id, recipient_id, service, activated_at, closed_at FROM report_plan_facts
    """

  static let recomputed = """
    SELECT p.id AS plan_id, p.recipient_id, r.registered_by_service AS service,
      (SELECT MIN(v.changed_at) FROM plan_versions v
        WHERE v.plan_id = p.id AND v.status = 'active') AS activated_at,
      (SELECT MIN(v.changed_at) FROM plan_versions v
        WHERE v.plan_id = p.id AND v.status = 'closed') AS closed_at
    FROM plans p JOIN recipients r ON r.id = p.recipient_id
    """

  /// One line per plan, `-` for a missing time, sorted.
  static func facts(_ db: Database, _ sql: String) throws -> [String] {
    try Row.fetchAll(db, sql: sql).map { row in
      ["plan_id", "recipient_id", "service", "activated_at", "closed_at"]
        .map { (row[$0] as String?) ?? "-" }.joined(separator: "|")
    }.sorted()
  }
}
