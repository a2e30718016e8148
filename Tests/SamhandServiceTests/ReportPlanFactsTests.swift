import Foundation
import SamhandCore
import SamhandService
import SamhandTestSupport
import Testing

@testable import SamhandStore

/// The per-plan and per-meeting facts the indicator report reads (`report_plan_facts` and
/// `report_meeting_facts`, kept by triggers when plans, versions, meetings and minutes are
/// written) against the same facts worked out from the base tables, after random work that
/// creates, activates, revises and closes plans, plans meetings and records minutes, and
/// erases whoever may be erased.
@Suite("Report facts kept by triggers")
struct ReportPlanFactsTests {
  @Test(
    "the kept facts equal a recomputation from the base tables",
    arguments: [4, 5, 7] as [UInt64])
  func factsMatch(seed: UInt64) throws {
    let fixture = try ErasureTests.fixture()
    var random = SplitMix64(seed: seed)
    try RandomWork(fixture: fixture).run(steps: 150, random: &random)
    let recipients = try fixture.service.values("SELECT id FROM recipients", as: String.self)
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
    let (kept, recomputed, keptMeetings, recomputedMeetings) = try fixture.service.snapshot {
      (
        try Self.facts($0, Self.kept), try Self.facts($0, Self.recomputed),
        try Self.facts($0, Self.keptMeetings), try Self.facts($0, Self.recomputedMeetings)
      )
    }
    #expect(keptMeetings.contains { $0.hasSuffix("|1") }, "seed \(seed): no meeting was held")
    #expect(keptMeetings == recomputedMeetings, "seed \(seed)")
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

  static let keptMeetings = """
    SELECT meeting_id, service, planned_at, CAST(held AS TEXT) AS held FROM report_meeting_facts
    """

  static let recomputedMeetings = """
    SELECT m.id AS meeting_id, r.registered_by_service AS service, m.planned_at,
      CAST(EXISTS (SELECT 1 FROM meeting_minutes n WHERE n.meeting_id = m.id) AS TEXT) AS held
    FROM meetings m JOIN groups g ON g.id = m.group_id JOIN recipients r ON r.id = g.recipient_id
    """

  /// One line per row (every column as text, `-` for none), sorted.
  /// Each row as its values joined by `|`, NULL as `-`, sorted.
  static func facts(_ connection: any SQLConnection, _ sql: String) throws -> [String] {
    try connection.fetchAll(StoreSQL(sql: sql)).map { row in
      row.values.map { value in
        switch value {
        case .null: "-"
        case .integer(let integer): "\(integer)"
        case .real(let real): "\(real)"
        case .text(let text): text
        case .blob(let data): data.base64EncodedString()
        }
      }.joined(separator: "|")
    }.sorted()
  }
}
