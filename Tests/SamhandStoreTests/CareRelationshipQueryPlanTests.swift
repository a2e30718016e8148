import GRDB
import Testing

@testable import SamhandStore

/// Every gated request asks for the recipient's care team, and every caseload for the staff
/// member's relationships: with a filter outside the union SQLite builds the union for every
/// recipient first, so each request would grow with the size of the municipality.
@Suite("Care-relationship queries use indexes")
struct CareRelationshipQueryPlanTests {
  @Test(
    "keyed by recipient or by staff, every arm searches by index",
    arguments: [
      StoreTransaction.CareRelationshipKey.recipient, .staff,
    ])
  func indexed(key: StoreTransaction.CareRelationshipKey) throws {
    let fixture = try StoreFixture()
    let steps = try fixture.store.read { transaction in
      try Row.fetchAll(
        (transaction.connection as! GRDBConnection).db,
        sql: "EXPLAIN QUERY PLAN " + StoreTransaction.careRelationshipsSQL(of: key),
        arguments: StatementArguments(Array(repeating: "x", count: 5))
      ).map { (row: Row) -> String in row["detail"] }
    }
    let scans = steps.filter(AgendaQueryPlanTests.isTableScan)
    #expect(scans.isEmpty, "\(steps.joined(separator: " | "))")
    #expect(steps.filter { $0.hasPrefix("SEARCH") }.count >= 5, "\(steps)")
  }
}
