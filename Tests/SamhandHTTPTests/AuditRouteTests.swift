import Foundation
import HTTPTypes
import SamhandCore
import SamhandService
import Testing

@Suite("Emergency access, access log and auditor routes")
struct AuditRouteTests {
  @Test("break-glass is granted to a clinician allowed it, then listed and reviewed by an auditor")
  func breakGlass() async throws {
    let fixture = try HTTPFixture()
    let recipient = fixture.recipients[3]
    try await fixture.withClient { client in
      let refused = try await client.send(
        .post, "/v1/recipients/\(recipient)/break-glass", as: "eva.sand",
        json: #"{"reason":"akutt"}"#)
      #expect(refused.status == 404)
      let granted = try await client.send(
        .post, "/v1/recipients/\(recipient)/break-glass", as: "eirik.lund",
        json: #"{"reason":"akutt innleggelse"}"#)
      #expect(granted.status == 201)
      let grant = try #require(granted.json["id"] as? String)
      let shown = try await client.send(.get, "/v1/recipients/\(recipient)", as: "eirik.lund")
      #expect(shown.status == 200)
      let queue = try await client.send(.get, "/v1/break-glass", as: "kim.aas")
      #expect(queue.status == 200)
      #expect(
        (queue.json["items"] as? [[String: Any]])?.contains { $0["id"] as? String == grant } == true
      )
      let notAuditor = try await client.send(.get, "/v1/break-glass", as: "eirik.lund")
      #expect(notAuditor.status == 403)
      let review = try await client.send(
        .post, "/v1/break-glass/\(grant)/review", as: "kim.aas",
        json: #"{"outcome":"accepted","comment":"ok"}"#)
      #expect(review.status == 204)
      let badOutcome = try await client.send(
        .post, "/v1/break-glass/\(grant)/review", as: "kim.aas",
        json: #"{"outcome":"maybe","comment":"ok"}"#)
      #expect(badOutcome.json["field"] as? String == "outcome")
    }
  }

  @Test("the access log lists who looked, to staff with a care relationship")
  func accessLog() async throws {
    let fixture = try HTTPFixture()
    let recipient = fixture.larRecipient
    try await fixture.withClient { client in
      _ = try await client.send(.get, "/v1/recipients/\(recipient)", as: "eirik.lund")
      let log = try await client.send(
        .get, "/v1/recipients/\(recipient)/access-log", as: "eirik.lund")
      #expect(log.status == 200)
      let entries = try #require(log.json["items"] as? [[String: Any]])
      #expect(entries.contains { $0["action"] as? String == "recipient.show" })
    }
  }

  @Test(
    "auditors verify the audit log and ask the policies about a recipient, which shows in the recipient's access log"
  )
  func auditorQuestions() async throws {
    let fixture = try HTTPFixture()
    let recipient = fixture.larRecipient
    try await fixture.withClient { client in
      let verified = try await client.send(.get, "/v1/audit/verify", as: "kim.aas")
      #expect(verified.status == 200)
      #expect(verified.json["intact"] as? Bool == true)
      #expect(try await client.send(.get, "/v1/audit/verify", as: "eirik.lund").status == 403)
      let explained = try await client.send(
        .post, "/v1/policy/explain", as: "kim.aas",
        json: #"{"staffId":"eva.sand","action":"view","recipientId":"\#(recipient)"}"#)
      #expect(explained.status == 200)
      #expect(explained.json["allowed"] as? Bool == false)
      let who = try await client.send(
        .post, "/v1/policy/who-can", as: "kim.aas",
        json: #"{"action":"view","recipientId":"\#(recipient)"}"#)
      let staff = try #require(who.json["staff"] as? [String])
      #expect(staff.contains("eirik.lund"))
      #expect(!staff.contains("eva.sand"))
      // Asking about a recipient is a look at them, gated like their access log: their care
      // team may ask; anyone else gets what a missing recipient gets.
      let careTeam = try await client.send(
        .post, "/v1/policy/who-can", as: "eirik.lund",
        json: #"{"action":"view","recipientId":"\#(recipient)"}"#)
      #expect(careTeam.status == 200)
      let refused = try await client.send(
        .post, "/v1/policy/who-can", as: "eva.sand",
        json: #"{"action":"view","recipientId":"\#(recipient)"}"#)
      let missing = try await client.send(
        .post, "/v1/policy/who-can", as: "eva.sand",
        json: #"{"action":"view","recipientId":"\#(HTTPFixture.missingRecipient)"}"#)
      #expect(refused.status == 404)
      #expect(missing.status == 404)
      #expect(refused.json["type"] as? String == missing.json["type"] as? String)
      let log = try await client.send(
        .get, "/v1/recipients/\(recipient)/access-log", as: "eirik.lund")
      let items = try #require(log.json["items"] as? [[String: Any]])
      let looks = items.filter { $0["staffId"] as? String == "kim.aas" }
      #expect(looks.compactMap { $0["action"] as? String } == ["policy.explain", "policy.who-can"])
    }
  }
}

@Suite("Bearer authentication")
struct AuthTests {
  @Test("no token, a malformed header and an unknown token are the same 401")
  func unauthenticated() async throws {
    let fixture = try HTTPFixture()
    try await fixture.withClient { client in
      let none = try await client.send(.get, "/v1/caseload")
      let malformed = try await client.send(
        .get, "/v1/caseload", headers: [.authorization: "Basic abc"])
      let unknown = try await client.send(
        .get, "/v1/caseload", headers: [.authorization: "Bearer nope"])
      for reply in [none, malformed, unknown] {
        #expect(reply.status == 401)
        #expect(reply.headers[.wwwAuthenticate] == "Bearer")
        #expect(reply.contentType == "application/problem+json")
        #expect(reply.body == none.body)
      }
    }
  }

  @Test("a revoked token is refused from the next request on")
  func revoked() async throws {
    let fixture = try HTTPFixture()
    try await fixture.withClient { client in
      #expect(try await client.send(.get, "/v1/caseload", as: "leif.berg").status == 200)
      for token in try fixture.service.tokens(of: .init(rawValue: "leif.berg")) {
        try fixture.service.revokeToken(token.id, by: "test")
      }
      #expect(try await client.send(.get, "/v1/caseload", as: "leif.berg").status == 401)
    }
  }

  @Test(
    "a token revoked by another process is refused on every route, gated reads included, though the server knew it"
  )
  func revokedEverywhere() async throws {
    let fixture = try HTTPFixture()
    let recipient = fixture.larRecipient.rawValue
    let staff = StaffID(rawValue: "eirik.lund")
    let other = try SamhandService.open(dataDirectory: fixture.service.dataDirectory)
    let open: Set = ["GET /health", "GET /openapi.yaml"]
    try await fixture.withClient { client in
      for operation in fixture.api.operations where !open.contains(operation) {
        // The server has seen the token, and confirmed it, on a gated read; then it is revoked.
        let token = try fixture.service.createToken(for: staff, days: 1, by: "test")
        let bearer: HTTPFields = [.authorization: "Bearer \(token.secret)"]
        let seen = try await client.send(.get, "/v1/recipients/\(recipient)", headers: bearer)
        #expect(seen.status == 200)
        try other.revokeToken(token.id, by: "test")
        let parts = operation.split(separator: " ", maxSplits: 1).map(String.init)
        let path = parts[1].replacingOccurrences(of: "{recipientId}", with: recipient)
          .replacingOccurrences(of: #"\{[A-Za-z]+\}"#, with: "x", options: .regularExpression)
        let method = HTTPRequest.Method(parts[0])!
        let reply = try await client.send(
          method, path, json: method == .get ? nil : #"{"staffId":"leif.berg"}"#, headers: bearer)
        #expect(reply.status == 401, "\(operation)")
      }
    }
  }

  @Test("the request id is echoed, and a generated one replaces an unusable one")
  func requestID() async throws {
    let fixture = try HTTPFixture()
    try await fixture.withClient { client in
      let name = HTTPField.Name("X-Request-Id")!
      let kept = try await client.send(.get, "/health", headers: [name: "abc-123"])
      #expect(kept.headers[name] == "abc-123")
      let replaced = try await client.send(.get, "/health", headers: [name: "bad id!"])
      #expect(replaced.headers[name] != "bad id!")
      #expect(replaced.headers[name]?.isEmpty == false)
      let generated = try await client.send(.get, "/health")
      #expect(generated.headers[name]?.isEmpty == false)
      #expect(generated.headers[name] != replaced.headers[name])
    }
  }
}
