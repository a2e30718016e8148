import SamhandPolicy
import Testing

@Suite("decisions combine policies as Cedar does")
struct DecisionTests {
  @Test("with no policy satisfied the answer is deny with no reasons")
  func defaultDeny() throws {
    let policies = try PolicySet.parse(
      text: "permit(principal == Staff::\"s2\", action, resource);")
    let decision = policies.isAuthorized(Fixtures.request(), entities: Fixtures.entities)
    #expect(decision == Decision(isAllowed: false, reasons: [], errors: []))
  }

  @Test("a satisfied forbid overrides every permit and is the only reason")
  func forbidWins() throws {
    let policies = try PolicySet.parse(
      text: """
        @id("tsb-read") permit(principal in Service::"tsb", action == Action::"read", resource);
        permit(principal, action, resource);
        @id("blocked") forbid(principal, action, resource) when { context.blocked };
        """)
    let allowed = policies.isAuthorized(
      Fixtures.request(context: ["blocked": false]), entities: Fixtures.entities)
    #expect(allowed.isAllowed)
    #expect(Set(allowed.reasons) == ["tsb-read", "policy1"])
    let denied = policies.isAuthorized(
      Fixtures.request(context: ["blocked": true]), entities: Fixtures.entities)
    #expect(denied == Decision(isAllowed: false, reasons: ["blocked"], errors: []))
  }

  @Test("a policy that errors is skipped and reported, others still decide")
  func errorsAreReported() throws {
    let policies = try PolicySet.parse(
      text: """
        @id("bad") forbid(principal, action, resource) when { principal.missing };
        @id("ok") permit(principal, action, resource);
        """)
    let decision = policies.isAuthorized(Fixtures.request(), entities: Fixtures.entities)
    #expect(decision.isAllowed)
    #expect(decision.reasons == ["ok"])
    #expect(decision.errors.map(\.policy) == ["bad"])
  }

  @Test("unless negates its block and requires a bool")
  func unless() throws {
    let policies = try PolicySet.parse(
      text: """
        permit(principal, action, resource) unless { context.n > 5 };
        permit(principal, action, resource) unless { context.n };
        """)
    let small = policies.isAuthorized(
      Fixtures.request(context: ["n": 1]), entities: Fixtures.entities)
    #expect(small.reasons == ["policy0"])
    #expect(small.errors.map(\.policy) == ["policy1"])
    let large = policies.isAuthorized(
      Fixtures.request(context: ["n": 9]), entities: Fixtures.entities)
    #expect(large.reasons.isEmpty)
  }

  @Test(
    "scope constraints match as written",
    arguments: [
      ("permit(principal == Staff::\"s1\", action, resource);", true),
      ("permit(principal == Staff::\"s2\", action, resource);", false),
      ("permit(principal in Service::\"all\", action, resource);", true),
      ("permit(principal is Staff, action, resource);", true),
      ("permit(principal is Service, action, resource);", false),
      ("permit(principal is Staff in Service::\"nav\", action, resource);", false),
      ("permit(principal, action == Action::\"read\", resource);", true),
      ("permit(principal, action in Action::\"any\", resource);", true),
      ("permit(principal, action in [Action::\"write\"], resource);", false),
      ("permit(principal, action in [], resource);", false),
      ("permit(principal, action, resource == Recipient::\"r1\");", true),
      ("permit(principal, action, resource is Recipient in Recipient::\"r1\");", true),
      ("permit(principal, action, resource in Service::\"tsb\");", false),
    ])
  func scope(text: String, allowed: Bool) throws {
    let policies = try PolicySet.parse(text: text)
    #expect(
      policies.isAuthorized(Fixtures.request(), entities: Fixtures.entities).isAllowed == allowed)
  }
}
