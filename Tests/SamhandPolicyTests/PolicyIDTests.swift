import Foundation
import SamhandPolicy
import Testing

/// Policy ids are typed: decisions, errors and explanations name policies by `PolicyID`, and
/// it encodes as the plain string the `@id` annotation gave (the JSON shapes stay).
@Suite("Policy ids")
struct PolicyIDTests {
  @Test("decisions and errors carry typed ids; unnamed policies are policyN by position")
  func typedIds() throws {
    let policies = try PolicySet.parse(
      text: """
        @id("allow-all") permit(principal, action, resource);
        permit(principal, action, resource) when { principal.missing };
        """)
    let decision = policies.isAuthorized(Fixtures.request(), entities: Fixtures.entities)
    let reasons: [PolicyID] = decision.reasons
    #expect(reasons == [PolicyID(rawValue: "allow-all")])
    let errored: [PolicyID] = decision.errors.map(\.policy)
    #expect(errored == [PolicyID(rawValue: "policy1")])
    #expect(policies.policies.map(\.id.rawValue) == ["allow-all", "policy1"])
  }

  @Test("a policy id encodes and decodes as its plain string")
  func plainString() throws {
    let encoded = try JSONEncoder().encode([PolicyID(rawValue: "tsb-read")])
    #expect(String(decoding: encoded, as: UTF8.self) == #"["tsb-read"]"#)
    #expect(try JSONDecoder().decode([PolicyID].self, from: encoded) == ["tsb-read"])
  }
}
