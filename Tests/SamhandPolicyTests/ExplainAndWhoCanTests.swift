import Foundation
import SamhandPolicy
import Testing

@Suite("explain and who-can answer auditors without disagreeing with the decision")
struct ExplainAndWhoCanTests {
  let policies: PolicySet
  let entities: Entities

  init() throws {
    let sample = try SampleDirectory()
    defer { sample.remove() }
    policies = try PolicySet.load(directory: sample.url)
    entities = try Entities(json: Data(SampleDirectory.entities.utf8))
  }

  func request(_ staff: String, context: [String: CedarValue]) -> AuthorizationRequest {
    AuthorizationRequest(
      principal: EntityUID(type: "Staff", id: staff), action: EntityUID(type: "Action", id: "read"),
      resource: EntityUID(type: "Recipient", id: "r1"), context: context)
  }

  @Test("an allow names the permits with file and line")
  func allow() {
    let explanation = policies.explain(
      request("s1", context: ["consent": true, "purpose": "plan"]), entities: entities)
    #expect(explanation.decision.isAllowed)
    #expect(explanation.determining.map(\.id) == ["nav-read"])
    #expect(explanation.determining.first?.location.line == 2)
    #expect("\(explanation)".contains("allowed by permit nav-read (nav.cedar:2)"))
  }

  @Test("a forbid names the forbid")
  func forbid() {
    let explanation = policies.explain(
      request("s3", context: ["consent": true, "purpose": "plan"]), entities: entities)
    #expect(!explanation.decision.isAllowed)
    #expect(explanation.determining.map(\.id) == ["blocked"])
    #expect("\(explanation)".contains("denied by forbid blocked (shared.cedar:1)"))
  }

  @Test("a default deny lists the permits whose scope matched but whose condition did not")
  func noPermitMatched() {
    let explanation = policies.explain(
      request("s2", context: ["consent": false, "purpose": "plan"]), entities: entities)
    #expect(!explanation.decision.isAllowed)
    #expect(explanation.determining.isEmpty)
    #expect(Set(explanation.unmatchedPermits.map(\.id)) == ["tsb-read", "break-glass"])
    #expect("\(explanation)".hasPrefix("DENY: no permit matched"))
  }

  @Test("who-can lists exactly the principals isAuthorized allows")
  func whoCan() {
    let staff = ["s1", "s2", "s3", "ghost"].map { EntityUID(type: "Staff", id: $0) }
    for context: [String: CedarValue] in [
      ["consent": true, "purpose": "plan"], ["consent": false, "purpose": "plan"],
      ["consent": false, "breakGlass": true, "purpose": "plan"],
    ] {
      let allowed = policies.whoCan(
        action: EntityUID(type: "Action", id: "read"),
        resource: EntityUID(type: "Recipient", id: "r1"), among: staff, entities: entities,
        context: context)
      let expected = staff.filter {
        policies.isAuthorized(request($0.id, context: context), entities: entities).isAllowed
      }
      #expect(allowed == expected)
    }
    let consented = policies.whoCan(
      action: EntityUID(type: "Action", id: "read"),
      resource: EntityUID(type: "Recipient", id: "r1"), among: staff, entities: entities,
      context: ["consent": true, "purpose": "plan"])
    #expect(consented.map(\.id) == ["s1", "s2"])
  }
}
