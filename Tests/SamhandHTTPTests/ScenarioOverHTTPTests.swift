import Foundation
import HTTPTypes
import Testing

/// The gate's scenarios, played over HTTP by the systems staff use: the same answers as at
/// the command line, through tokens, status codes and problem documents.
@Suite("Scenarios over HTTP")
struct ScenarioOverHTTPTests {
  @Test(
    "a lar clinician registers, consents to tsb, brings a tsb clinician in; a withdrawal shuts them out at once"
  )
  func consentLifecycle() async throws {
    let fixture = try HTTPFixture()
    try await fixture.withClient { client in
      let created = try await client.send(
        .post, "/v1/recipients", as: "eirik.lund",
        json: #"{"name":"Test Fiktiv","nationalId":"\#(RecipientRouteTests.nationalID)"}"#)
      let id = try #require(created.json["id"] as? String)
      let recipient = "/v1/recipients/\(id)"
      #expect(try await client.send(.get, recipient, as: "jon.rud").status == 404)
      let assignBefore = try await client.send(
        .post, "\(recipient)/assign", as: "eirik.lund", json: #"{"staffId":"jon.rud"}"#)
      #expect(assignBefore.status == 404)
      let consent = try await client.send(
        .post, "\(recipient)/consents", as: "eirik.lund",
        json: #"{"services":["tsb"],"categories":["identity","plan"],"purpose":"samordning"}"#)
      let consentID = try #require(consent.json["id"] as? String)
      let assigned = try await client.send(
        .post, "\(recipient)/assign", as: "eirik.lund", json: #"{"staffId":"jon.rud"}"#)
      #expect(assigned.status == 204)
      #expect(try await client.send(.get, recipient, as: "jon.rud").status == 200)
      let caseload = try await client.send(.get, "/v1/caseload?limit=200", as: "jon.rud")
      #expect(caseload.text.contains(id))
      let withdrawn = try await client.send(
        .post, "/v1/consents/\(consentID)/withdraw", as: "eirik.lund",
        headers: [.ifMatch: "\"\(consentID).1\""])
      #expect(withdrawn.status == 204)
      #expect(try await client.send(.get, recipient, as: "jon.rud").status == 404)
      let log = try await client.send(.get, "\(recipient)/access-log?limit=200", as: "eirik.lund")
      let entries = try #require(log.json["items"] as? [[String: Any]])
      let jon = entries.filter { $0["staffId"] as? String == "jon.rud" }
      #expect(jon.contains { $0["allowed"] as? Bool == true })
      #expect(jon.last?["allowed"] as? Bool == false)
    }
  }

  @Test(
    "a block on a service shuts out its assigned staff despite consent; lifting it lets them back in"
  )
  func blockWinsOverConsent() async throws {
    let fixture = try HTTPFixture()
    let recipient = fixture.recipients[1]
    try await fixture.withClient { client in
      let path = "/v1/recipients/\(recipient)"
      #expect(try await client.send(.get, path, as: "leif.berg").status == 404)
      let assigned = try await client.send(
        .post, "\(path)/assign", as: "siri.fjell", json: #"{"staffId":"leif.berg"}"#)
      #expect(assigned.status == 204)
      #expect(try await client.send(.get, path, as: "leif.berg").status == 200)
      let block = try await client.send(
        .post, "\(path)/blocks", as: "siri.fjell", json: #"{"serviceCode":"nav"}"#)
      let blockID = try #require(block.json["id"] as? String)
      #expect(try await client.send(.get, path, as: "leif.berg").status == 404)
      let lifted = try await client.send(
        .post, "/v1/blocks/\(blockID)/lift", as: "siri.fjell",
        headers: [.ifMatch: "\"\(blockID).1\""])
      #expect(lifted.status == 204)
      #expect(try await client.send(.get, path, as: "leif.berg").status == 200)
    }
  }

  @Test("emergency access opens one recipient for reading only, and the auditor sees it")
  func breakGlassReadsOnly() async throws {
    let fixture = try HTTPFixture()
    let recipient = fixture.recipients[5]
    try await fixture.withClient { client in
      let path = "/v1/recipients/\(recipient)"
      #expect(try await client.send(.get, path, as: "ola.strand").status == 404)
      let grant = try await client.send(
        .post, "\(path)/break-glass", as: "ola.strand", json: #"{"reason":"akutt"}"#)
      #expect(grant.status == 201)
      #expect(try await client.send(.get, path, as: "ola.strand").status == 200)
      let write = try await client.send(
        .post, "\(path)/blocks", as: "ola.strand", json: #"{"serviceCode":"nav"}"#)
      #expect(write.status == 404)
      let queue = try await client.send(.get, "/v1/break-glass", as: "kim.aas")
      #expect(queue.text.contains(recipient.rawValue))
    }
  }
}
