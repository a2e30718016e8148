import Foundation
import HTTPTypes
import SamhandCore
import SamhandTestSupport
import Testing

/// A purpose is always stated, never filled in: without `X-Purpose` a request on recipient
/// data is denied by `global-forbid-no-purpose`, audited, and answered 400 naming the header,
/// the same whatever the recipient.
@Suite("HTTP: the purpose is required")
struct PurposeRouteTests {
  @Test("without X-Purpose, a recipient look is a 400 problem naming X-Purpose, and audited")
  func missingPurpose() async throws {
    let fixture = try HTTPFixture()
    let recipient = fixture.larRecipient
    try await fixture.withClient { client in
      let reply = try await client.send(
        .get, "/v1/recipients/\(recipient)", as: "eirik.lund", purpose: nil)
      #expect(reply.status == 400)
      #expect(reply.contentType == "application/problem+json")
      #expect(reply.json["type"] as? String == "urn:samhand:problem:bad-request")
      #expect(reply.json["field"] as? String == "X-Purpose")
      #expect((reply.json["detail"] as? String)?.contains("X-Purpose") == true)
      let shown = try await client.send(.get, "/v1/recipients/\(recipient)", as: "eirik.lund")
      #expect(shown.status == 200)
      let byQuery = try await client.send(
        .get, "/v1/recipients/\(recipient)?purpose=follow-up", as: "eirik.lund", purpose: nil)
      #expect(byQuery.status == 200)
    }
    let denial = try #require(
      try Self.entries(fixture, action: "recipient.show").first { $0.purpose == "" })
    #expect(denial.decision == "deny")
    #expect(denial.policies.contains("global-forbid-no-purpose"))
  }

  @Test(
    "without X-Purpose, a recipient one may see, one one may not, and a missing one answer alike")
  func sameAnswerWhateverTheRecipient() async throws {
    let fixture = try HTTPFixture()
    // recipients[5] is barnevern's, without consent for lar: eirik.lund may not see them.
    let targets = [fixture.larRecipient, fixture.recipients[5], HTTPFixture.missingRecipient]
    try await fixture.withClient { client in
      var bodies: [Data] = []
      for recipient in targets {
        let reply = try await client.send(
          .get, "/v1/recipients/\(recipient)", as: "eirik.lund", purpose: nil)
        #expect(reply.status == 400)
        bodies.append(reply.body)
      }
      #expect(Set(bodies).count == 1)
    }
  }

  @Test("without X-Purpose, a list is refused too", arguments: ["/v1/caseload", "/v1/agenda"])
  func listWithoutPurpose(path: String) async throws {
    let fixture = try HTTPFixture()
    try await fixture.withClient { client in
      let reply = try await client.send(.get, path, as: "eirik.lund", purpose: nil)
      #expect(reply.status == 400)
      #expect(reply.json["field"] as? String == "X-Purpose")
    }
  }

  struct Entry {
    let decision: String
    let policies: [String]
    let purpose: String?
  }

  /// The audit entries of `action`, newest first.
  static func entries(_ fixture: HTTPFixture, action: String) throws -> [Entry] {
    try fixture.service.rows(
      """
      SELECT decision, policy_ids, purpose FROM audit_entries WHERE action = \(action)
      ORDER BY sequence DESC
      """
    ).map { row in
      let ids: String = try row["policy_ids"]
      return Entry(
        decision: try row["decision"], policies: ids.components(separatedBy: "\u{1F}"),
        purpose: try row["purpose"])
    }
  }
}
