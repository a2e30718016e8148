import Foundation
import SamhandCore
import SamhandService
import SamhandStore
import SamhandTestSupport
import Testing

/// Reports through the service: who may run which, what the audit log keeps of a run, and
/// the store's counts against a brute-force count over the same database.
@Suite("Reports")
struct ReportServiceTests {
  static let year = 2027

  /// The fixture with leaders and the coordinating unit.
  static func municipality() throws -> ServiceFixture {
    let fixture = try ServiceFixture()
    try fixture.service.addService(
      ServiceCode("koordinerende-enhet"), name: "Koordinerende enhet", by: ServiceFixture.osUser)
    let people: [(String, String, StaffRole)] = [
      ("phr.leader", "psykisk-helse-rus", .leader), ("nav.leader", "nav", .leader),
      ("ke.leader", "koordinerende-enhet", .leader),
      ("ke.coordinator", "koordinerende-enhet", .coordinator),
      ("ke.clinician", "koordinerende-enhet", .clinician),
    ]
    for (id, service, role) in people {
      try fixture.service.addStaff(
        id: StaffID(rawValue: id), name: "Test \(id)", services: [ServiceCode(service)],
        roles: [role], by: ServiceFixture.osUser)
    }
    return fixture
  }

  static func asked(_ kind: ReportKind = .indicators, service: String? = nil) throws
    -> ReportRequest
  {
    ReportRequest(
      kind: kind, period: .year(year), service: try service.map { try ServiceCode($0) },
      grouping: .service)
  }

  @Test(
    "a leader sees their own service; the coordinating unit's leader and coordinators the municipality",
    arguments: [
      ("phr.leader", "psykisk-helse-rus", true), ("phr.leader", nil, false),
      ("phr.leader", "nav", false), ("nav.leader", "nav", true), ("ke.leader", nil, true),
      ("ke.coordinator", nil, true), ("ke.coordinator", "nav", true), ("ke.clinician", nil, false),
      ("phr.caseworker", "psykisk-helse-rus", false), ("phr.auditor", nil, true),
    ] as [(String, String?, Bool)])
  func access(staff: String, service: String?, allowed: Bool) throws {
    let fixture = try Self.municipality()
    for kind in ReportKind.allCases {
      let run = {
        try fixture.service.report(
          Self.asked(kind, service: service), as: ServiceFixture.actor(staff), options: .followUp)
      }
      if allowed {
        let report = try run()
        #expect(report.scope == (service ?? "municipality"))
      } else {
        #expect(throws: ServiceError.self) { try run() }
      }
      #expect(
        try fixture.lastEntry(action: "report.\(kind.rawValue)")?.decision
          == (allowed ? "allow" : "deny"))
    }
  }

  @Test("an unknown service is not found, a report without a purpose refused")
  func refusals() throws {
    let fixture = try Self.municipality()
    #expect(throws: ServiceError.notFound(kind: "service", id: "lar")) {
      try fixture.service.report(
        Self.asked(service: "lar"), as: ServiceFixture.actor("ke.leader"), options: .followUp)
    }
    #expect(throws: ServiceError.purposeRequired) {
      try fixture.service.report(
        Self.asked(), as: ServiceFixture.actor("ke.leader"), options: RequestOptions(purpose: nil))
    }
  }

  @Test("a run is one audit entry on the report with no recipient id, and the report names no one")
  func auditedWithoutIdentifiers() throws {
    let fixture = try Self.municipality()
    try fixture.service.recordLifeDomainMapping(
      recipient: fixture.recipient, scores: [.housing: .red],
      as: ServiceFixture.actor("phr.coordinator"),
      options: .followUp)
    let before = try fixture.auditCount()
    for kind in ReportKind.allCases {
      let report = try fixture.service.report(
        ReportRequest(
          kind: kind, period: .year(CalendarDate.today(fixture.clock).year), service: nil,
          grouping: .month),
        as: ServiceFixture.actor("ke.leader"), options: .followUp)
      for format in ReportFormat.allCases {
        let text = try report.rendered(format)
        #expect(!text.contains(fixture.recipient.rawValue))
        #expect(!text.contains("Fiktiv"))
        #expect(!text.contains("phr.coordinator"))
      }
    }
    #expect(try fixture.auditCount() == before + ReportKind.allCases.count)
    let entries = try fixture.service.rows(
      """
      SELECT resource_type, resource_id, recipient_id FROM audit_entries
      WHERE action LIKE 'report.%'
      """)
    #expect(entries.count == ReportKind.allCases.count)
    for entry in entries {
      #expect(try entry["resource_type"] as String? == "report")
      #expect(try entry["resource_id"] as String? == "municipality")
      #expect(try entry["recipient_id"] as String? == nil)
    }
  }
}
