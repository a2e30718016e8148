import Foundation
import GRDB
import Testing

@testable import SamhandStore

/// Migration 0005 gives every recipient registered before it exactly one holder of
/// responsibility: their current plan's coordinator, or else their registering service.
@Suite("Migration 0005: responsibility backfill")
struct ResponsibilityBackfillTests {
  @Test("recipients with and without a plan get exactly one holder each")
  func backfill() throws {
    let queue = try DatabaseQueue()
    let handovers = try #require(embeddedMigrations.firstIndex { $0.name.hasPrefix("0005_") })
    try queue.write { db in
      for migration in embeddedMigrations[..<handovers] { try db.execute(sql: migration.text) }
      try db.execute(
        sql: """
          INSERT INTO services (code, name, created_at) VALUES ('nav', 'NAV', 't');
          INSERT INTO staff (id, display_name, created_at) VALUES ('a', 'A', 't'), ('b', 'B', 't');
          INSERT INTO recipients (id, registered_by_service, created_at, name_sealed,
            national_id_sealed) VALUES ('r1', 'nav', 't1', x'00', x'00'),
            ('r2', 'nav', 't2', x'00', x'00'), ('r3', 'nav', 't3', x'00', x'00');
          INSERT INTO plans (id, recipient_id, status, version, created_by, created_at)
          VALUES ('p1', 'r1', 'closed', 1, 'a', 't'), ('p2', 'r1', 'active', 1, 'a', 't'),
            ('p3', 'r2', 'closed', 1, 'a', 't');
          INSERT INTO plan_coordinators (plan_id, staff_id, from_version, started_at)
          VALUES ('p1', 'a', 1, 't'), ('p2', 'b', 1, 't'), ('p3', 'a', 1, 't');
          """)
      try db.execute(sql: embeddedMigrations[handovers].text)
    }
    let rows = try queue.read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT recipient_id, staff_id, service, via FROM responsibilities
          WHERE ended_at IS NULL ORDER BY recipient_id
          """
      ).map { [$0[0], $0[1] ?? "-", $0[2], $0[3]] as [String] }
    }
    #expect(
      rows == [
        ["r1", "b", "nav", "backfill"], ["r2", "-", "nav", "backfill"],
        ["r3", "-", "nav", "backfill"],
      ])
    #expect(throws: (any Error).self) {
      try queue.write { db in
        try db.execute(
          sql: """
            INSERT INTO responsibilities (recipient_id, staff_id, service, since, via)
            VALUES ('r1', 'a', 'nav', 't', 'handover')
            """)
      }
    }
  }
}
