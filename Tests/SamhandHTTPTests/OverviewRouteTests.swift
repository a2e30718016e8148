import Foundation
import SamhandCore
import SamhandService
import Testing

@Suite("HTTP: the coordinating unit's overview, notices and the record of processing")
struct OverviewRouteTests {
  @Test("the unit gets the plan overview; other staff a 403, no token a 401")
  func overview() async throws {
    let fixture = try HTTPFixture()
    try await fixture.withClient { client in
      let page = try await client.send(.get, "/v1/overview/plans?status=active", as: "mari.holt")
      #expect(page.status == 200)
      let items = try #require(page.json["items"] as? [[String: Any]])
      #expect(!items.isEmpty && items.allSatisfy { $0["status"] as? String == "active" })
      #expect(!page.text.contains("\"name\""))
      let refused = try await client.send(.get, "/v1/overview/plans", as: "kari.nes")
      #expect(refused.status == 403)
      #expect(refused.contentType?.hasPrefix("application/problem+json") == true)
      #expect(try await client.send(.get, "/v1/overview/plans").status == 401)
      let bad = try await client.send(
        .get, "/v1/overview/plans?status=open", as: "mari.holt")
      #expect(bad.status == 422)
      let notices = try await client.send(.get, "/v1/overview/notices", as: "eirik.lund")
      #expect(notices.status == 403)
    }
  }

  @Test("a notice goes from a service to the unit, which accepts it and appoints a coordinator")
  func notices() async throws {
    let fixture = try HTTPFixture()
    let recipient = fixture.larRecipient
    try await fixture.withClient { client in
      let sent = try await client.send(
        .post, "/v1/recipients/\(recipient)/notices", as: "eirik.lund",
        json: #"{"need":"plan","note":"Ønsker individuell plan"}"#)
      #expect(sent.status == 201)
      let id = try #require(sent.json["id"] as? String)
      let open = try await client.send(.get, "/v1/overview/notices?open=true", as: "mari.holt")
      let items = try #require(open.json["items"] as? [[String: Any]])
      let listed = try #require(items.first { $0["id"] as? String == id })
      #expect(listed["note"] as? String == "Ønsker individuell plan")
      let accepted = try await client.send(.post, "/v1/notices/\(id)/accept", as: "mari.holt")
      #expect(accepted.status == 200 && accepted.json["status"] as? String == "accepted")
      let again = try await client.send(.post, "/v1/notices/\(id)/accept", as: "mari.holt")
      #expect(again.status == 409)
      let outsider = try await client.send(.post, "/v1/notices/\(id)/accept", as: "kari.nes")
      #expect(outsider.status == 404)
      let badBody = try await client.send(
        .post, "/v1/notices/\(id)/assign", as: "liv.dahl", json: #"{"staff":"x"}"#)
      #expect(badBody.status == 422)
      let badNeed = try await client.send(
        .post, "/v1/recipients/\(recipient)/notices", as: "eirik.lund", json: #"{"need":"x"}"#)
      #expect(badNeed.status == 422)
    }
  }

  @Test("auditors get the record of processing as JSON, Markdown or HTML; others a 403")
  func processingRecord() async throws {
    let fixture = try HTTPFixture()
    try await fixture.withClient { client in
      let json = try await client.send(.get, "/v1/processing-record", as: "kim.aas")
      #expect(json.status == 200)
      #expect((json.json["categories"] as? [Any])?.count == InformationCategory.allCases.count)
      let html = try await client.send(.get, "/v1/processing-record?format=html", as: "kim.aas")
      #expect(html.status == 200 && html.contentType?.hasPrefix("text/html") == true)
      #expect(html.text.contains("notices.note_sealed"))
      let bad = try await client.send(.get, "/v1/processing-record?format=pdf", as: "kim.aas")
      #expect(bad.status == 400)
      let refused = try await client.send(.get, "/v1/processing-record", as: "mari.holt")
      #expect(refused.status == 403)
    }
  }
}
