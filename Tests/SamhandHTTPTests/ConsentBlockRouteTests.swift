import Foundation
import HTTPTypes
import Testing

@Suite("Consent and block routes")
struct ConsentBlockRouteTests {
  @Test("a consent is added, listed with its ETag, and withdrawn only with a current If-Match")
  func consentLifecycle() async throws {
    let fixture = try HTTPFixture()
    let recipient = fixture.larRecipient
    try await fixture.withClient { client in
      let added = try await client.send(
        .post, "/v1/recipients/\(recipient)/consents", as: "eirik.lund",
        json: #"{"services":["tsb"],"categories":["plan"],"purpose":"samordning"}"#)
      #expect(added.status == 201)
      let id = try #require(added.json["id"] as? String)
      let list = try await client.send(
        .get, "/v1/recipients/\(recipient)/consents", as: "eirik.lund")
      let items = try #require(list.json["items"] as? [[String: Any]])
      let consent = try #require(items.first { $0["id"] as? String == id })
      let etag = try #require(consent["etag"] as? String)
      let withdraw = "/v1/consents/\(id)/withdraw"
      let missing = try await client.send(.post, withdraw, as: "eirik.lund")
      #expect(missing.status == 428)
      let wrong = try await client.send(
        .post, withdraw, as: "eirik.lund", headers: [.ifMatch: "\"\(id).2\""])
      #expect(wrong.status == 412)
      let done = try await client.send(.post, withdraw, as: "eirik.lund", headers: [.ifMatch: etag])
      #expect(done.status == 204)
      let stale = try await client.send(
        .post, withdraw, as: "eirik.lund", headers: [.ifMatch: etag])
      #expect(stale.status == 412)
      let after = try await client.send(
        .get, "/v1/recipients/\(recipient)/consents", as: "eirik.lund")
      let withdrawn = (after.json["items"] as? [[String: Any]])?.first { $0["id"] as? String == id }
      #expect(withdrawn?["version"] as? Int == 2)
    }
  }

  @Test("consents ending soon are listed for staff who may see the recipient")
  func expiring() async throws {
    let fixture = try HTTPFixture()
    try await fixture.withClient { client in
      let reply = try await client.send(.get, "/v1/consents/expiring?days=30", as: "leif.berg")
      #expect(reply.status == 200)
      #expect((reply.json["items"] as? [[String: Any]])?.isEmpty == false)
      let bad = try await client.send(.get, "/v1/consents/expiring?days=x", as: "leif.berg")
      #expect(bad.status == 400)
      #expect(bad.json["field"] as? String == "days")
    }
  }

  @Test("a block is added, listed and lifted with If-Match; naming no target is a 422")
  func blockLifecycle() async throws {
    let fixture = try HTTPFixture()
    let recipient = fixture.larRecipient
    try await fixture.withClient { client in
      let path = "/v1/recipients/\(recipient)/blocks"
      let none = try await client.send(.post, path, as: "eirik.lund", json: "{}")
      #expect(none.status == 422)
      let added = try await client.send(
        .post, path, as: "eirik.lund", json: #"{"serviceCode":"nav","categories":["health"]}"#)
      #expect(added.status == 201)
      let id = try #require(added.json["id"] as? String)
      let list = try await client.send(.get, path, as: "eirik.lund")
      let block = (list.json["items"] as? [[String: Any]])?.first { $0["id"] as? String == id }
      #expect(block?["serviceCode"] as? String == "nav")
      let lift = "/v1/blocks/\(id)/lift"
      #expect(try await client.send(.post, lift, as: "eirik.lund").status == 428)
      let lifted = try await client.send(
        .post, lift, as: "eirik.lund", headers: [.ifMatch: "\"\(id).1\""])
      #expect(lifted.status == 204)
    }
  }
}
