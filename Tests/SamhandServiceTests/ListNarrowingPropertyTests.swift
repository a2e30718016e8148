import Foundation
import SamhandCore
import SamhandPolicy
import SamhandService
import SamhandTestSupport
import Testing

/// Lists are narrowed in SQL by what the policies in force could allow (partial evaluation),
/// then decided row by row. Whatever the data and whatever the policies, a list must show
/// exactly what deciding every recipient one by one allows: nothing the policies deny, nothing
/// they allow left out, across every page.
@Suite("List narrowing against brute force")
struct ListNarrowingPropertyTests {
  static let purpose = RequestOptions(purpose: "follow-up")

  /// Policy sets: the defaults, and edits that widen, narrow, or use shapes the narrowing
  /// cannot follow (it must then widen, never drop a recipient).
  static let variants: [(name: String, edit: @Sendable (URL) throws -> Void)] = [
    ("default policies", { _ in }),
    (
      "cross-service consent forbid removed (wider)",
      { directory in
        let url = directory.appending(path: "global.cedar")
        let text = try String(contentsOf: url, encoding: .utf8)
        try text.replacingOccurrences(
          of: "@id(\"global-forbid-cross-service-without-consent\")\nforbid",
          with: "@id(\"global-forbid-cross-service-without-consent\")\npermit"
        ).write(to: url, atomically: true, encoding: .utf8)
      }
    ),
    (
      "NAV kept from other services' identity records (narrower)",
      { directory in
        try """
        @id("test-forbid-nav-foreign-identity")
        forbid (principal in Service::"nav", action == Action::"view", resource)
        when { resource.category == "identity" && resource.recipient.registeredBy != Service::"nav" };
        """.write(
          to: directory.appending(path: "zz-narrower.cedar"), atomically: true, encoding: .utf8)
      }
    ),
    (
      "shapes the narrowing cannot follow",
      { directory in
        try """
        @id("test-permit-clinicians-lonely")
        permit (principal in Role::"clinician", action == Action::"view", resource)
        when { resource.recipient.careTeam.isEmpty() };
        @id("test-forbid-caseworkers-unless-named")
        forbid (principal in Role::"caseworker", action == Action::"view", resource)
        when { resource.recipient.breakGlass.isEmpty() && resource.blockedStaff.isEmpty() && context.now < 0 };
        """.write(
          to: directory.appending(path: "zz-unsupported.cedar"), atomically: true,
          encoding: .utf8)
      }
    ),
  ]

  /// A random edit of the default policies: each policy dropped with probability 1/4 (a
  /// dropped permit narrows, a dropped forbid widens).
  static func randomEdit(seed: UInt64) -> (name: String, edit: @Sendable (URL) throws -> Void) {
    (
      "default policies with random policies dropped (seed \(seed))",
      { directory in
        var random = SplitMix64(seed: seed &* 7919)
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path)
        where name.hasSuffix(".cedar") {
          let url = directory.appending(path: name)
          let blocks = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n\n")
          let kept = blocks.filter { !$0.contains("@id(") || !random.chance(0.25) }
          try kept.joined(separator: "\n\n").write(to: url, atomically: true, encoding: .utf8)
        }
      }
    )
  }

  @Test("caseload pages equal deciding every recipient", arguments: [1, 2, 3] as [UInt64])
  func caseloadEqualsBruteForce(seed: UInt64) throws {
    let fixture = try ServiceFixture()
    let recipients = try Self.randomMunicipality(fixture, seed: seed)
    let data = fixture.temporary.path("data")
    for (index, variant) in (Self.variants + [Self.randomEdit(seed: seed)]).enumerated() {
      let policies = fixture.temporary.path("policies-\(index)")
      try FileManager.default.copyItem(at: data.appending(path: "policies"), to: policies)
      try variant.edit(policies)
      let service = try SamhandService.open(
        dataDirectory: data, policies: policies, clock: fixture.clock)
      // The same policies behind a decider that does not evaluate partially: its lists judge
      // every recipient one by one.
      let bruteForce = try SamhandService.open(
        dataDirectory: data, clock: fixture.clock,
        decider: OneByOne(policies: try PolicySet.load(directory: policies)))
      for (staff, _, _) in ServiceFixture.people {
        let actor = ServiceFixture.actor(staff)
        var listed: [RecipientID] = []
        var page = ListPageRequest(limit: 7)
        while true {
          let result = try service.caseload(as: actor, page: page, options: Self.purpose)
          #expect(result.items.count == 7 || result.next == nil, "a page is full unless it ends")
          listed += result.items.map(\.id)
          guard let next = result.next, listed.count <= recipients.count else { break }
          page = ListPageRequest(after: next, limit: 7)
        }
        let allowed = try bruteForce.caseload(as: actor, options: Self.purpose).items.map(\.id)
        #expect(listed.count == Set(listed).count, "\(variant.name), \(staff): no duplicates")
        #expect(allowed.count == Set(allowed).count && Set(allowed).isSubset(of: recipients))
        #expect(
          Set(listed) == Set(allowed),
          "\(variant.name), \(staff): shown \(listed.count), allowed one by one \(allowed.count)")
      }
      if variant.name != "shapes the narrowing cannot follow" {
        #expect(service.listWideningCounts.isEmpty, "\(variant.name) narrows without widening")
      }
    }
  }

  /// Decides with the policies, narrows nothing.
  struct OneByOne: AccessDecider {
    let policies: PolicySet

    func decide(_ request: AuthorizationRequest, entities: Entities) -> Decision {
      policies.isAuthorized(request, entities: entities)
    }
  }

  @Test("under the default policies the narrowing is exact: a list withholds no one")
  func defaultPoliciesWithholdNoOne() throws {
    let fixture = try ServiceFixture()
    _ = try Self.randomMunicipality(fixture, seed: 7)
    for (staff, _, _) in ServiceFixture.people {
      _ = try fixture.service.caseload(
        as: ServiceFixture.actor(staff), page: .init(limit: 5), options: Self.purpose)
    }
    let lists = try fixture.service.values(
      "SELECT resource_id FROM audit_entries WHERE resource_type = 'list'", as: String.self)
    #expect(lists.count == ServiceFixture.people.count)
    for list in lists { #expect(list.hasSuffix("withheld=0"), "\(list)") }
  }

  /// Recipients registered by four services, with random consents (some withdrawn), blocks,
  /// assignments and emergency-access grants.
  static func randomMunicipality(_ fixture: ServiceFixture, seed: UInt64) throws -> [RecipientID] {
    var random = SplitMix64(seed: seed)
    let registrars = ["phr.coordinator", "nav.caseworker", "gp.clinician", "tsb.clinician"]
    let services = ["psykisk-helse-rus", "nav", "fastlege", "tsb"]
    let staff = ServiceFixture.people.map(\.0)
    var recipients = [fixture.recipient]
    for index in 0..<36 {
      let registrar = ServiceFixture.actor(registrars[random.below(registrars.count)])
      let nationalID = try #require(
        NationalID.synthetic(
          year: 1960 + index, month: 1 + index % 12, day: 3, individual: 400 + index))
      let id = try fixture.service.registerRecipient(
        name: "Fiktiv \(index)", nationalID: nationalID.digits, as: registrar, options: purpose)
      recipients.append(id)
      if random.chance(0.6) {
        let scope = SamhandService.ConsentScope(
          services: try services.filter { _ in random.chance(0.4) }.map { try ServiceCode($0) },
          categories: InformationCategory.allCases.filter { _ in random.chance(0.5) })
        if let consent = try? fixture.service.addConsent(
          recipient: id, scope: scope, purpose: "samordning", as: registrar, options: purpose),
          random.chance(0.2)
        {
          try fixture.service.withdrawConsent(consent, as: registrar, options: purpose)
        }
      }
      if random.chance(0.25) {
        let target: Block.Target =
          random.chance(0.5)
          ? .service(try ServiceCode(services[random.below(services.count)]))
          : .staff(StaffID(rawValue: staff[random.below(staff.count)]))
        _ = try? fixture.service.addBlock(
          recipient: id, target: target,
          categories: InformationCategory.allCases.filter { _ in random.chance(0.3) },
          as: registrar, options: purpose)
      }
      if random.chance(0.3) {
        _ = try? fixture.service.assign(
          StaffID(rawValue: staff[random.below(staff.count)]), to: id, as: registrar,
          options: purpose)
      }
      if random.chance(0.15) {
        _ = try? fixture.service.breakGlass(
          recipient: id, reason: "akutt innleggelse", as: ServiceFixture.actor("gp.clinician"),
          options: purpose)
      }
    }
    return recipients
  }
}
