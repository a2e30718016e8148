import Foundation
import HTTPTypes
import Testing

/// The routes that came after the first plan routes: references and comments on a plan, and
/// the recipient's life-domain mapping.
@Suite("Plan references, comments and life-domain routes")
struct PlanNoteRoutesTests {
  typealias Recorder = PlanRoutesTests.Recorder

  @Test("a reference and a comment are new versions of the plan, shown with camelCase keys")
  func referencesAndComments() async throws {
    let fixture = try HTTPFixture()
    try await fixture.withClient { client in
      let http = Recorder(client)
      let (plan, created) = try await http.draftPlan(fixture)
      let path = "/v1/plans/\(plan)"
      let references = "/v1/plans/{planId}/references"
      let comments = "/v1/plans/{planId}/comments"
      let body = #"{"kind":"crisis-plan","reference":"Kriseplan datert mars"}"#
      #expect(
        try await http.call(.post, references, path + "/references", json: body).status == 428)
      let stale = try await http.call(
        .post, references, path + "/references", json: body, ifMatch: "\"\(plan).9\"")
      #expect(stale.status == 412)
      let reference = try await http.call(
        .post, references, path + "/references", json: body, ifMatch: created)
      #expect(reference.status == 201)
      #expect(reference.json["version"] as? Int == 2)
      let referenceID = try #require(reference.json["id"] as? String)
      let comment = try await http.call(
        .post, comments, path + "/comments", json: #"{"text":"Jeg vil bo nær datteren min"}"#,
        ifMatch: try #require(reference.headers[.eTag]))
      #expect(comment.status == 201)
      let commentID = try #require(comment.json["id"] as? String)
      let shown = try await http.call(.get, "/v1/plans/{planId}", path)
      #expect(shown.headers[.eTag] == comment.headers[.eTag])
      #expect(shown.json["recipientId"] as? String == fixture.larRecipient.rawValue)
      let shownReferences = try #require(shown.json["references"] as? [[String: Any]])
      #expect(shownReferences.map { $0["id"] as? String } == [referenceID])
      #expect(shownReferences.first?["kind"] as? String == "crisis-plan")
      #expect(shownReferences.first?["reference"] as? String == "Kriseplan datert mars")
      let shownComments = try #require(shown.json["comments"] as? [[String: Any]])
      #expect(shownComments.map { $0["id"] as? String } == [commentID])
      #expect(shownComments.first?["author"] as? String == "recipient")
      #expect(shownComments.first?["recordedBy"] as? String == "eirik.lund")
      let coordinators = try #require(shown.json["coordinators"] as? [[String: Any]])
      #expect(coordinators.first?["staffId"] as? String == "eirik.lund")
      let denied = try await http.call(
        .post, comments, path + "/comments", as: "eva.sand", json: #"{"text":"inntrenger"}"#,
        ifMatch: try #require(comment.headers[.eTag]))
      #expect(denied.status == 404)
      try http.checkSchemas()
    }
  }

  @Test("life-domain mappings are recorded by date and read back as a history; others see none")
  func lifeDomains() async throws {
    let fixture = try HTTPFixture()
    try await fixture.withClient { client in
      let http = Recorder(client)
      let template = "/v1/recipients/{recipientId}/life-domains"
      let path = "/v1/recipients/\(fixture.larRecipient)/life-domains"
      let first = try await http.call(
        .post, template, path,
        json: #"{"mappedOn":"2026-01-10","scores":{"housing":"red","network":"yellow"}}"#)
      #expect(first.status == 201)
      #expect(first.json["id"] as? String == fixture.larRecipient.rawValue)
      let second = try await http.call(
        .post, template, path, json: #"{"mappedOn":"2026-04-10","scores":{"housing":"yellow"}}"#)
      #expect(second.status == 201)
      let history = try await http.call(.get, template, path)
      #expect(history.status == 200)
      let items = try #require(history.json["items"] as? [[String: Any]])
      let housing = items.filter { $0["domain"] as? String == "housing" }
      #expect(housing.map { $0["mappedOn"] as? String } == ["2026-01-10", "2026-04-10"])
      #expect(housing.map { $0["score"] as? String } == ["red", "yellow"])
      #expect(items.count == 3)
      #expect(items.allSatisfy { $0["recipientId"] as? String == fixture.larRecipient.rawValue })
      #expect(items.allSatisfy { $0["recordedBy"] as? String == "eirik.lund" })
      let page = try await http.call(.get, template, path + "?limit=1")
      #expect((page.json["items"] as? [Any])?.count == 1)
      #expect(page.json["nextCursor"] is String)
      let outsider = try await http.call(.get, template, path, as: "eva.sand")
      let missing = try await http.call(
        .get, template, "/v1/recipients/\(HTTPFixture.missingRecipient)/life-domains",
        as: "eva.sand")
      #expect(outsider.status == 404)
      #expect(
        outsider.text.replacingOccurrences(of: fixture.larRecipient.rawValue, with: "ID")
          == missing.text.replacingOccurrences(
            of: HTTPFixture.missingRecipient.rawValue, with: "ID"))
      let intruder = try await http.call(
        .post, template, path, as: "eva.sand", json: #"{"scores":{"housing":"green"}}"#)
      #expect(intruder.status == 404)
      let after = try await http.call(.get, template, path)
      #expect((after.json["items"] as? [Any])?.count == 3)
      try http.checkSchemas()
    }
  }

  @Test(
    "a bad mapping is refused naming the field, and nothing is written",
    arguments: [
      (#"{"scores":{"moon":"red"}}"#, 422, "scores.moon"),
      (#"{"scores":{"housing":"purple"}}"#, 422, "scores.housing"),
      (#"{"scores":{}}"#, 422, nil),
      (#"{"scores":{"housing":"red"},"mappedOn":"2999-01-01"}"#, 422, nil),
      (#"{"scores":{"housing":"red"},"mappedOn":"10.01.2026"}"#, 422, "mappedOn"),
      (#"{"scores":{"housing":"red"},"note":"x"}"#, 422, "note"),
      (#"{"mappedOn":"2026-01-10"}"#, 422, "scores"),
    ] as [(String, Int, String?)])
  func badMapping(_ probe: (body: String, status: Int, field: String?)) async throws {
    let fixture = try HTTPFixture()
    try await fixture.withClient { client in
      let http = Recorder(client)
      let template = "/v1/recipients/{recipientId}/life-domains"
      let path = "/v1/recipients/\(fixture.larRecipient)/life-domains"
      let reply = try await http.call(.post, template, path, json: probe.body)
      #expect(reply.status == probe.status)
      #expect(reply.json["field"] as? String == probe.field)
      let after = try await http.call(.get, template, path)
      #expect((after.json["items"] as? [Any])?.isEmpty == true)
      try http.checkSchemas()
    }
  }
}
