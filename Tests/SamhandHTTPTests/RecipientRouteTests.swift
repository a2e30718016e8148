import Foundation
import HTTPTypes
import SamhandCore
import Testing

@Suite("Recipient routes")
struct RecipientRouteTests {
  @Test("registering returns 201 with the new id and its location, and the registrar can show it")
  func registerAndShow() async throws {
    let fixture = try HTTPFixture()
    try await fixture.withClient { client in
      let created = try await client.send(
        .post, "/v1/recipients", as: "eirik.lund",
        json: #"{"name":"Test Fiktiv","nationalId":"\#(Self.nationalID)","contact":"123"}"#)
      #expect(created.status == 201)
      let id = try #require(created.json["id"] as? String)
      #expect(created.headers[.location] == "/v1/recipients/\(id)")
      let shown = try await client.send(.get, "/v1/recipients/\(id)", as: "eirik.lund")
      #expect(shown.status == 200)
      #expect(shown.json["name"] as? String == "Test Fiktiv")
      #expect(shown.json["nationalId"] as? String == Self.nationalID)
      #expect(shown.headers[.eTag]?.hasPrefix("\"") == true)
      let again = try await client.send(.get, "/v1/recipients/\(id)", as: "eirik.lund")
      #expect(again.headers[.eTag] == shown.headers[.eTag])
    }
  }

  @Test("registering a national id that is already registered is a 409, not a 500")
  func duplicate() async throws {
    let fixture = try HTTPFixture()
    try await fixture.withClient { client in
      let body = #"{"name":"Test Fiktiv","nationalId":"\#(Self.nationalID)"}"#
      let first = try await client.send(.post, "/v1/recipients", as: "eirik.lund", json: body)
      let second = try await client.send(.post, "/v1/recipients", as: "eirik.lund", json: body)
      #expect(first.status == 201)
      #expect(second.status == 409)
      #expect(second.json["type"] as? String == "urn:samhand:problem:conflict")
    }
  }

  @Test("finding by national id answers the id in the body, never through the URL")
  func find() async throws {
    let fixture = try HTTPFixture()
    try await fixture.withClient { client in
      let created = try await client.send(
        .post, "/v1/recipients", as: "eirik.lund",
        json: #"{"name":"Test Fiktiv","nationalId":"\#(Self.nationalID)"}"#)
      let found = try await client.send(
        .post, "/v1/recipients/search", as: "eirik.lund",
        json: #"{"nationalId":"\#(Self.nationalID)"}"#)
      #expect(found.status == 200)
      #expect(found.json["id"] as? String == created.json["id"] as? String)
      let other = try await client.send(
        .post, "/v1/recipients/search", as: "eva.sand",
        json: #"{"nationalId":"\#(Self.nationalID)"}"#)
      #expect(other.status == 404)
    }
  }

  @Test("the caseload pages with a cursor and a limit, covering each recipient once")
  func caseloadPages() async throws {
    let fixture = try HTTPFixture()
    try await fixture.withClient { client in
      var seen: [String] = []
      var cursor: String?
      var pages = 0
      repeat {
        let query = "limit=2" + (cursor.map { "&cursor=\($0)" } ?? "")
        let page = try await client.send(.get, "/v1/caseload?\(query)", as: "leif.berg")
        #expect(page.status == 200)
        let items = try #require(page.json["items"] as? [[String: Any]])
        #expect(items.count <= 2)
        seen += items.compactMap { $0["id"] as? String }
        cursor = page.json["nextCursor"] as? String
        pages += 1
      } while cursor != nil && pages < 50
      let all = try await client.send(.get, "/v1/caseload?limit=200", as: "leif.berg")
      let ids = (all.json["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
      #expect(!ids.isEmpty)
      #expect(seen == ids)
      let bad = try await client.send(.get, "/v1/caseload?limit=0", as: "leif.berg")
      #expect(bad.status == 400)
      #expect(bad.json["field"] as? String == "limit")
      let badCursor = try await client.send(.get, "/v1/caseload?cursor=zzz", as: "leif.berg")
      #expect(badCursor.json["field"] as? String == "cursor")
    }
  }

  @Test("assign and unassign answer 204, and a second unassign is a 409 conflict")
  func assignment() async throws {
    let fixture = try HTTPFixture()
    let recipient = fixture.recipients[0]
    try await fixture.withClient { client in
      let path = "/v1/recipients/\(recipient)"
      let assigned = try await client.send(
        .post, "\(path)/assign", as: "leif.berg", json: #"{"staffId":"kari.nes"}"#)
      #expect(assigned.status == 204)
      let unassigned = try await client.send(
        .post, "\(path)/unassign", as: "leif.berg", json: #"{"staffId":"kari.nes"}"#)
      #expect(unassigned.status == 204)
      let again = try await client.send(
        .post, "\(path)/unassign", as: "leif.berg", json: #"{"staffId":"kari.nes"}"#)
      #expect(again.status == 409)
      #expect(again.json["type"] as? String == "urn:samhand:problem:conflict")
    }
  }

  static let nationalID =
    NationalID.synthetic(year: 1971, month: 3, day: 9, individual: 417)?.digits ?? ""
}

@Suite("Idempotency-Key on creates")
struct IdempotencyTests {
  @Test("a retried create with the same key creates once; the key with another body is a 422")
  func retry() async throws {
    let fixture = try HTTPFixture()
    let recipient = fixture.larRecipient
    try await fixture.withClient { client in
      let path = "/v1/recipients/\(recipient)/blocks"
      let body = #"{"serviceCode":"tsb"}"#
      let key: HTTPFields = [HTTPField.Name("Idempotency-Key")!: "retry-1"]
      let first = try await client.send(.post, path, as: "eirik.lund", json: body, headers: key)
      let second = try await client.send(.post, path, as: "eirik.lund", json: body, headers: key)
      #expect(first.status == 201)
      #expect(second.status == 201)
      #expect(first.body == second.body)
      let list = try await client.send(.get, path, as: "eirik.lund")
      let tsb = (list.json["items"] as? [[String: Any]] ?? []).filter {
        $0["serviceCode"] as? String == "tsb"
      }
      #expect(tsb.count == 1)
      let other = try await client.send(
        .post, path, as: "eirik.lund", json: #"{"serviceCode":"nav"}"#, headers: key)
      #expect(other.status == 422)
      #expect(other.json["type"] as? String == "urn:samhand:problem:idempotency-key-reused")
      let unkeyed = try await client.send(.post, path, as: "eirik.lund", json: body)
      #expect(unkeyed.status == 201)
      #expect(unkeyed.body != first.body)
    }
  }
}
