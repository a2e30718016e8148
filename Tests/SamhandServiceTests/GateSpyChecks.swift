import Foundation
import Testing

/// The two checks of invariant 1, shared by the suites that list use cases.
enum GateSpyChecks {
  /// The use case asks the decider at least once and leaves at least one audit entry.
  static func expectAsksAndAudits(
    _ name: String, _ fixture: ServiceFixture, _ spy: GateSpyTests.DecisionSpy,
    _ run: () throws -> Void
  ) throws {
    let decisions = spy.count
    let entries = try fixture.auditCount()
    try run()
    #expect(spy.count > decisions, "\(name) did not ask the decider")
    #expect(try fixture.auditCount() > entries, "\(name) was not audited")
  }

  /// Under a decider that denies everything, the use case fails, writes no data and audits
  /// its denial.
  static func expectDenyAllStops(
    _ name: String, _ fixture: ServiceFixture, _ spy: GateSpyTests.DecisionSpy,
    _ run: () throws -> Void
  ) throws {
    spy.startDenying()
    let before = try fixture.dataSnapshot()
    let entries = try fixture.auditCount()
    #expect(throws: (any Error).self, "\(name) succeeded without an allow") { try run() }
    #expect(try fixture.dataSnapshot() == before, "\(name) wrote data despite a denial")
    #expect(try fixture.auditCount() > entries, "\(name)'s denial was not audited")
  }
}
