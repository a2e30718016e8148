import Foundation
import SamhandAudit
import SamhandCore
import SamhandPolicy
import SamhandService
import SamhandTestSupport
import Testing

/// A small municipality in a fresh data directory: the default policies, a clock the test
/// moves, and one recipient registered by psykisk-helse-rus.
struct ServiceFixture {
  let temporary: TemporaryDirectory
  let clock: MovableClock
  let service: SamhandService
  let recipient: RecipientID
  let nationalID: NationalID

  static let osUser = "test"

  /// The staff every fixture has: id, service, roles.
  static let people: [(String, String, [StaffRole])] = [
    ("phr.coordinator", "psykisk-helse-rus", [.coordinator, .caseworker]),
    ("phr.caseworker", "psykisk-helse-rus", [.caseworker]),
    ("phr.auditor", "psykisk-helse-rus", [.auditor]),
    ("nav.caseworker", "nav", [.caseworker]),
    ("nav.other", "nav", [.caseworker]),
    ("gp.clinician", "fastlege", [.clinician]),
    ("tsb.clinician", "tsb", [.clinician]),
  ]

  /// `wrap` may put a spy around the real policy set.
  init(wrap: ((PolicySet) -> any AccessDecider)? = nil) throws {
    temporary = try TemporaryDirectory("samhand-service")
    clock = MovableClock()
    let data = temporary.path("data")
    _ = try SamhandService.initialize(
      dataDirectory: data, by: Self.osUser, database: try TestDatabase.fresh() ?? "", clock: clock)
    let policies = try PolicySet.load(directory: data.appending(path: "policies"))
    service = try SamhandService.open(
      dataDirectory: data, clock: clock, decider: wrap?(policies))
    for code in ["psykisk-helse-rus", "nav", "fastlege", "tsb"] {
      try service.addService(ServiceCode(code), name: code.uppercased(), by: Self.osUser)
    }
    for (id, service, roles) in Self.people {
      try self.service.addStaff(
        id: StaffID(rawValue: id), name: "Test \(id)", services: [ServiceCode(service)],
        roles: roles, by: Self.osUser)
    }
    nationalID = try #require(NationalID.synthetic(year: 1990, month: 4, day: 12, individual: 321))
    recipient = try service.registerRecipient(
      name: "Fiktiv Person", nationalID: nationalID.digits, contact: "fiktiv@example.invalid",
      relatives: [NewRelative(name: "Fiktivt Barn", relation: "sønn", isChild: true)],
      as: Self.actor("phr.coordinator"), options: .followUp)
  }

  static func actor(_ id: String) -> Actor { Actor(staffID: StaffID(rawValue: id), channel: .cli) }

  func consent(
    _ services: [String], _ categories: [InformationCategory], until: CalendarDate? = nil
  ) throws -> ConsentID {
    try service.addConsent(
      recipient: recipient,
      scope: .init(services: services.map { try ServiceCode($0) }, categories: categories),
      purpose: "samordning", validUntil: until, as: Self.actor("phr.coordinator"),
      options: .followUp)
  }

  var databaseURL: URL { temporary.path("data").appending(path: "samhand.db") }

  func lastEntry(action: String) throws -> (decision: String, policies: [String], breakGlass: Bool)?
  {
    try service.rows(
      """
      SELECT decision, policy_ids, break_glass FROM audit_entries WHERE action = \(action)
      ORDER BY sequence DESC LIMIT 1
      """
    ).first.map { row in
      let ids: String = try row["policy_ids"]
      return (
        try row["decision"], ids.isEmpty ? [] : ids.components(separatedBy: "\u{1F}").sorted(),
        try row["break_glass"]
      )
    }
  }

  func auditCount() throws -> Int {
    try service.count("SELECT COUNT(*) FROM audit_entries")
  }
}

extension ServiceFixture {
  /// Row counts of every table but the audit log's, to prove a refusal wrote nothing.
  func dataSnapshot() throws -> [String: Int] {
    var counts: [String: Int] = [:]
    for table in try service.tableNames() where !table.hasPrefix("audit_") {
      counts[table] = try service.count("SELECT COUNT(*) FROM \(sql: table)")
    }
    return counts
  }
}

extension RequestOptions {
  /// Ordinary follow-up of the recipient: the purpose the tests state (none is filled in).
  static var followUp: RequestOptions { RequestOptions(purpose: "follow-up") }
}
