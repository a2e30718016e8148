import SamhandCore
import SamhandStore
import Testing

/// The agenda answers in milliseconds however many recipients there are only if every one of
/// its queries starts from the staff member and follows indexes. SQLite's own query plan says
/// whether it does: a `SCAN` of a table is a full scan.
@Suite("Agenda queries use indexes")
struct AgendaQueryPlanTests {
  @Test("no agenda query scans a table; each searches by index")
  func indexed() throws {
    let fixture = try StoreFixture()
    let today = try CalendarDate(parsing: "2026-11-18")
    let plans = try fixture.store.read {
      try $0.agendaQueryPlans(of: StaffID(rawValue: "s-1"), on: today)
    }
    #expect(Set(plans.keys) == Set(AgendaItem.Kind.allCases))
    for (kind, steps) in plans {
      let scans = steps.filter(Self.isTableScan)
      #expect(scans.isEmpty, "\(kind): \(steps.joined(separator: " | "))")
      #expect(steps.contains { $0.hasPrefix("SEARCH") && $0.contains("INDEX") }, "\(kind)")
    }
  }

  @Test("a leader's open staff warnings are found by index too")
  func warnings() throws {
    let fixture = try StoreFixture()
    let steps = try fixture.store.read {
      try $0.openStaffWarningsQueryPlan(for: StaffID(rawValue: "s-1"))
    }
    #expect(steps.filter(Self.isTableScan).isEmpty, "\(steps.joined(separator: " | "))")
    #expect(steps.contains { $0.hasPrefix("SEARCH") && $0.contains("staff_warnings_by_leader") })
  }

  @Test("the rule tells a full scan from an index search")
  func rule() {
    #expect(Self.isTableScan("SCAN plans"))
    #expect(Self.isTableScan("SCAN c USING COVERING INDEX consents_by_end"))
    #expect(!Self.isTableScan("SEARCH c USING INDEX plan_coordinators_by_staff (staff_id=?)"))
    #expect(!Self.isTableScan("SCAN CONSTANT ROW"))
  }

  /// A step that reads a whole table or index; scanning a small intermediate result
  /// (a subquery's list, a constant row) is not.
  static func isTableScan(_ step: String) -> Bool {
    guard step.hasPrefix("SCAN ") else { return false }
    return !step.hasPrefix("SCAN CONSTANT ROW") && !step.hasPrefix("SCAN (")
      && !step.contains("SCAN LIST")
  }
}
