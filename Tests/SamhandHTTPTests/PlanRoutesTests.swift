import Foundation
import HTTPTypes
import Testing

@Suite("Plan and responsibility-group routes")
struct PlanRoutesTests {
  /// Calls routes as `eirik.lund` (the lar recipient's clinician) and keeps every response, so
  /// a test can check them all against the document at the end.
  final class Recorder: @unchecked Sendable {
    let client: HTTPFixture.Client
    var samples: [ResponseSample] = []

    init(_ client: HTTPFixture.Client) { self.client = client }

    func call(
      _ method: HTTPRequest.Method, _ template: String, _ uri: String,
      as staff: String = "eirik.lund", json: String? = nil, ifMatch: String? = nil
    ) async throws -> HTTPFixture.Reply {
      var headers: HTTPFields = [:]
      if let ifMatch { headers[.ifMatch] = ifMatch }
      let reply = try await client.send(method, uri, as: staff, json: json, headers: headers)
      samples.append(
        ResponseSample(
          method: method.rawValue.lowercased(), path: template, status: reply.status,
          contentType: reply.contentType, body: reply.text))
      return reply
    }

    /// A new draft plan for the lar recipient, coordinated by eirik.lund: its id and ETag.
    func draftPlan(_ fixture: HTTPFixture) async throws -> (id: String, etag: String) {
      let created = try await call(
        .post, "/v1/recipients/{recipientId}/plans",
        "/v1/recipients/\(fixture.larRecipient)/plans",
        json: #"{"coordinatorId":"eirik.lund","ownWords":"Egen bolig"}"#)
      #expect(created.status == 201)
      let id = try #require(created.json["id"] as? String)
      let shown = try await call(.get, "/v1/plans/{planId}", "/v1/plans/\(id)")
      return (id, try #require(shown.headers[.eTag]))
    }

    func checkSchemas() throws {
      let report = try SchemaValidator.validate(samples)
      #expect(report.failures.isEmpty, "\(report.failures.joined(separator: "\n"))")
      #expect(report.checked == samples.count)
    }
  }

  @Test("a plan is created, activated, filled, revised, updated, exported and closed over HTTP")
  func planLifecycle() async throws {
    let fixture = try HTTPFixture()
    try await fixture.withClient { client in
      let http = Recorder(client)
      let (plan, created) = try await http.draftPlan(fixture)
      #expect(created == "\"\(plan).1\"")
      let activate = "/v1/plans/{planId}/activate"
      let path = "/v1/plans/\(plan)"
      #expect(try await http.call(.post, activate, path + "/activate").status == 428)
      let stale = try await http.call(
        .post, activate, path + "/activate", ifMatch: "\"\(plan).7\"")
      #expect(stale.status == 412)
      let other = try await http.call(
        .post, activate, path + "/activate",
        ifMatch: "\"p-00000000-0000-4000-8000-000000000000.1\"")
      #expect(other.status == 412)
      let active = try await http.call(.post, activate, path + "/activate", ifMatch: created)
      #expect(active.status == 200)
      #expect(active.json["version"] as? Int == 2)
      var etag = try #require(active.headers[.eTag])
      #expect(etag == "\"\(plan).2\"")
      let goal = try await http.call(
        .post, "/v1/plans/{planId}/goals", path + "/goals",
        json: #"{"domain":"housing","text":"Egen leilighet"}"#, ifMatch: etag)
      #expect(goal.status == 201)
      let goalID = try #require(goal.json["id"] as? String)
      etag = try #require(goal.headers[.eTag])
      let status = try await http.call(
        .post, "/v1/plans/{planId}/goals/{goalId}/status", path + "/goals/\(goalID)/status",
        json: #"{"status":"in-progress"}"#, ifMatch: etag)
      #expect(status.status == 200)
      etag = try #require(status.headers[.eTag])
      let measure = try await http.call(
        .post, "/v1/plans/{planId}/measures", path + "/measures",
        json: #"""
          {"kind":"contract","description":"Ruskontrakt","responsibleService":"lar",
           "contactPerson":"eirik.lund","goals":["\#(goalID)"],
           "elements":[{"kind":"urine-test","frequency":"ukentlig"}]}
          """#, ifMatch: etag)
      #expect(measure.status == 201)
      let measureID = try #require(measure.json["id"] as? String)
      etag = try #require(measure.headers[.eTag])
      let measureStatus = try await http.call(
        .post, "/v1/plans/{planId}/measures/{measureId}/status",
        path + "/measures/\(measureID)/status", json: #"{"status":"ongoing"}"#, ifMatch: etag)
      #expect(measureStatus.status == 200)
      etag = try #require(measureStatus.headers[.eTag])
      let revision = try await http.call(
        .post, "/v1/plans/{planId}/revisions", path + "/revisions",
        json: #"""
          {"evaluation":"God framgang","goalChanges":[{"goalId":"\#(goalID)","status":"achieved"}]}
          """#, ifMatch: etag)
      #expect(revision.status == 201)
      etag = try #require(revision.headers[.eTag])
      let update = try await http.call(
        .patch, "/v1/plans/{planId}", path, json: #"{"childrenNote":"Ingen barn"}"#, ifMatch: etag)
      #expect(update.status == 200)
      etag = try #require(update.headers[.eTag])
      let shown = try await http.call(.get, "/v1/plans/{planId}", path)
      #expect(shown.headers[.eTag] == etag)
      #expect(shown.json["etag"] as? String == etag)
      #expect(shown.json["status"] as? String == "active")
      let goals = try #require(shown.json["goals"] as? [[String: Any]])
      #expect(goals.first?["status"] as? String == "achieved")
      let history = try await http.call(.get, "/v1/plans/{planId}/history", path + "/history")
      #expect((history.json["items"] as? [[String: Any]])?.count == 8)
      let markdown = try await http.call(
        .get, "/v1/plans/{planId}/export", path + "/export?format=md")
      #expect(markdown.contentType?.hasPrefix("text/markdown") == true)
      #expect(markdown.text.contains("Egen leilighet"))
      let html = try await http.call(
        .get, "/v1/plans/{planId}/export", path + "/export?format=html")
      #expect(html.contentType?.hasPrefix("text/html") == true)
      #expect(html.text.contains("<h2>Mål</h2>"))
      let list = try await http.call(
        .get, "/v1/recipients/{recipientId}/plans",
        "/v1/recipients/\(fixture.larRecipient)/plans")
      #expect(
        (list.json["items"] as? [[String: Any]])?.contains { $0["id"] as? String == plan } == true)
      let closed = try await http.call(
        .post, "/v1/plans/{planId}/close", path + "/close", json: #"{"reason":"Mål nådd"}"#,
        ifMatch: etag)
      #expect(closed.status == 200)
      let afterClose = try await http.call(
        .patch, "/v1/plans/{planId}", path, json: #"{"ownWords":"Noe nytt"}"#,
        ifMatch: try #require(closed.headers[.eTag]))
      #expect(afterClose.status == 409)
      try http.checkSchemas()
    }
  }

  @Test(
    "bad input is refused naming the field, before anything is written",
    arguments: [
      ("/goals", #"{"domain":"moon","text":"x"}"#, 422, "domain"),
      ("/goals", #"{"domain":"housing","text":"x","extra":1}"#, 422, "extra"),
      ("/goals", #"{"domain":"housing","text":"   "}"#, 422, nil),
      (
        "/measures", #"{"description":"x","responsibleService":"lar","goals":["nope"]}"#, 422,
        "goals.0"
      ),
      (
        "/measures",
        #"{"description":"x","responsibleService":"lar","elements":[{"kind":"group","x":1}]}"#, 422,
        "elements.0.x"
      ),
      (
        "/revisions",
        #"{"evaluation":"x","goalChanges":[{"goalId":"g-00000000-0000-4000-8000-000000000000","status":"won"}]}"#,
        422, "goalChanges.0.status"
      ),
      ("/close", "{", 400, nil),
      ("/references", #"{"kind":"diary","reference":"x"}"#, 422, "kind"),
      ("/references", #"{"kind":"iop","reference":"x","extra":true}"#, 422, "extra"),
      ("/references", #"{"kind":"iop","reference":"   "}"#, 422, nil),
      ("/comments", #"{"text":"x","relativeId":"nope"}"#, 422, "relativeId"),
      (
        "/comments", #"{"text":"x","relativeId":"k-00000000-0000-4000-8000-000000000000"}"#, 422,
        nil
      ),
      ("/comments", #"{"relativeId":null}"#, 422, "text"),
    ] as [(String, String, Int, String?)])
  func badInput(_ probe: (suffix: String, body: String, status: Int, field: String?)) async throws {
    let (suffix, body, status, field) = probe
    let fixture = try HTTPFixture()
    try await fixture.withClient { client in
      let http = Recorder(client)
      let (plan, etag) = try await http.draftPlan(fixture)
      let reply = try await http.call(
        .post, "/v1/plans/{planId}\(suffix)", "/v1/plans/\(plan)\(suffix)", json: body,
        ifMatch: etag)
      #expect(reply.status == status)
      #expect(reply.json["field"] as? String == field)
      let after = try await http.call(.get, "/v1/plans/{planId}", "/v1/plans/\(plan)")
      #expect(after.headers[.eTag] == etag)
      try http.checkSchemas()
    }
  }

  @Test("malformed ids, formats and a plan without coordinator are refused")
  func malformedRequests() async throws {
    let fixture = try HTTPFixture()
    try await fixture.withClient { client in
      let http = Recorder(client)
      let badID = try await http.call(.get, "/v1/plans/{planId}", "/v1/plans/x")
      #expect(badID.status == 400)
      #expect(badID.json["field"] as? String == "planId")
      let (plan, _) = try await http.draftPlan(fixture)
      let pdf = try await http.call(
        .get, "/v1/plans/{planId}/export", "/v1/plans/\(plan)/export?format=pdf")
      #expect(pdf.status == 400)
      let noCoordinator = try await http.call(
        .post, "/v1/recipients/{recipientId}/plans",
        "/v1/recipients/\(fixture.larRecipient)/plans", json: "{}")
      #expect(noCoordinator.status == 422)
      #expect(noCoordinator.json["field"] as? String == "coordinatorId")
      let outsider = try await http.call(
        .post, "/v1/recipients/{recipientId}/plans",
        "/v1/recipients/\(fixture.larRecipient)/plans", json: #"{"coordinatorId":"eva.sand"}"#)
      #expect(outsider.status == 409)
      try http.checkSchemas()
    }
  }

  @Test(
    "a second login that may not see the recipient gets what a missing plan gets, and changes nothing"
  )
  func bola() async throws {
    let fixture = try HTTPFixture()
    try await fixture.withClient { client in
      let http = Recorder(client)
      let (plan, etag) = try await http.draftPlan(fixture)
      let missing = "p-00000000-0000-4000-8000-000000000000"
      let probes: [(HTTPRequest.Method, String, String?)] = [
        (.get, "", nil), (.get, "/history", nil), (.get, "/export", nil),
        (.post, "/activate", nil), (.patch, "", #"{"ownWords":"inntrenger"}"#),
        (.post, "/goals", #"{"domain":"housing","text":"inntrenger"}"#),
        (.post, "/references", #"{"kind":"iop","reference":"inntrenger"}"#),
        (.post, "/comments", #"{"text":"inntrenger"}"#),
        (.post, "/close", #"{"reason":"inntrenger"}"#),
        (.post, "/groups", "{}"),
      ]
      for (method, suffix, body) in probes {
        let denied = try await http.call(
          method, "/v1/plans/{planId}\(suffix)", "/v1/plans/\(plan)\(suffix)", as: "eva.sand",
          json: body, ifMatch: etag)
        let absent = try await http.call(
          method, "/v1/plans/{planId}\(suffix)", "/v1/plans/\(missing)\(suffix)", as: "eva.sand",
          json: body, ifMatch: "\"\(missing).1\"")
        #expect(denied.status == 404, "\(method) \(suffix)")
        #expect(
          denied.text.replacingOccurrences(of: plan, with: "ID")
            == absent.text.replacingOccurrences(of: missing, with: "ID"), "\(method) \(suffix)")
      }
      let list = try await http.call(
        .get, "/v1/recipients/{recipientId}/plans",
        "/v1/recipients/\(fixture.larRecipient)/plans", as: "eva.sand")
      #expect(list.status == 404)
      let after = try await http.call(.get, "/v1/plans/{planId}", "/v1/plans/\(plan)")
      #expect(after.headers[.eTag] == etag)
      #expect(after.json["status"] as? String == "draft")
      try http.checkSchemas()
    }
  }

  @Test(
    "two concurrent edits of one plan: one wins, the other gets 412, and its retry loses nothing")
  func concurrentEdits() async throws {
    let fixture = try HTTPFixture()
    try await fixture.withClient { client in
      let http = Recorder(client)
      let (plan, etag) = try await http.draftPlan(fixture)
      let path = "/v1/plans/\(plan)"
      let edits = [#"{"ownWords":"Fra den første"}"#, #"{"childrenNote":"Fra den andre"}"#]
      let replies = try await withThrowingTaskGroup(of: (Int, HTTPFixture.Reply).self) { group in
        for (index, edit) in edits.enumerated() {
          group.addTask {
            (
              index,
              try await client.send(
                .patch, path, as: "eirik.lund", json: edit, headers: [.ifMatch: etag])
            )
          }
        }
        var replies: [Int: HTTPFixture.Reply] = [:]
        for try await (index, reply) in group { replies[index] = reply }
        return replies
      }
      let statuses = replies.values.map(\.status).sorted()
      #expect(statuses == [200, 412])
      let loser = try #require(replies.first { $0.value.status == 412 }?.key)
      let winner = try #require(replies.first { $0.value.status == 200 }?.value)
      #expect(winner.headers[.eTag] == "\"\(plan).2\"")
      let retry = try await http.call(
        .patch, "/v1/plans/{planId}", path, json: edits[loser],
        ifMatch: try #require(winner.headers[.eTag]))
      #expect(retry.status == 200)
      let shown = try await http.call(.get, "/v1/plans/{planId}", path)
      let content = try #require(shown.json["content"] as? [String: Any])
      #expect(content["ownWords"] as? String == "Fra den første")
      #expect(content["childrenNote"] as? String == "Fra den andre")
      #expect(shown.json["version"] as? Int == 3)
      let history = try await http.call(.get, "/v1/plans/{planId}/history", path + "/history")
      let changes = (history.json["items"] as? [[String: Any]])?.compactMap {
        $0["change"] as? String
      }
      #expect(changes?.filter { $0 == "content changed" }.count == 2)
      try http.checkSchemas()
    }
  }

  @Test("a group is created for a plan, gets members, meets, records minutes and closes")
  func groupLifecycle() async throws {
    let fixture = try HTTPFixture()
    try await fixture.withClient { client in
      let http = Recorder(client)
      let (plan, planTag) = try await http.draftPlan(fixture)
      _ = try await http.call(
        .post, "/v1/plans/{planId}/activate", "/v1/plans/\(plan)/activate", ifMatch: planTag)
      let created = try await http.call(
        .post, "/v1/plans/{planId}/groups", "/v1/plans/\(plan)/groups",
        json: #"{"meetingIntervalMonths":3}"#)
      #expect(created.status == 201)
      let group = try #require(created.json["id"] as? String)
      let shown = try await http.call(.get, "/v1/groups/{groupId}", "/v1/groups/\(group)")
      var etag = try #require(shown.headers[.eTag])
      let path = "/v1/groups/\(group)"
      let members = "/v1/groups/{groupId}/members"
      #expect(
        try await http.call(.post, members, path + "/members", json: #"{"kind":"recipient"}"#)
          .status == 428)
      let external = try await http.call(
        .post, members, path + "/members", json: #"{"kind":"external"}"#, ifMatch: etag)
      #expect(external.status == 422)
      #expect(external.json["field"] as? String == "name")
      let member = try await http.call(
        .post, members, path + "/members", json: #"{"kind":"recipient"}"#, ifMatch: etag)
      #expect(member.status == 201)
      let memberID = try #require(member.json["id"] as? String)
      etag = try #require(member.headers[.eTag])
      let meeting = try await http.call(
        .post, "/v1/groups/{groupId}/meetings", path + "/meetings",
        json: #"{"plannedAt":"2026-01-05T10:00:00Z","agenda":"Oppstart"}"#, ifMatch: etag)
      #expect(meeting.status == 201)
      let meetingID = try #require(meeting.json["id"] as? String)
      etag = try #require(meeting.headers[.eTag])
      let minutesBody = #"""
        {"text":"Planen gjennomgått","attendees":["\#(memberID)"],"decisions":["Søke bolig"],
         "actionItems":[{"text":"Søknad","owner":"\#(memberID)","due":"2026-01-01"}]}
        """#
      let version = try #require(meeting.json["version"] as? Int)
      let foreign = "\"ag-00000000-0000-4000-8000-000000000000.\(version)\""
      let elsewhere = try await http.call(
        .post, "/v1/meetings/{meetingId}/minutes", "/v1/meetings/\(meetingID)/minutes",
        json: minutesBody, ifMatch: foreign)
      #expect(elsewhere.status == 412, "the version of another group is not this group's")
      let minutes = try await http.call(
        .post, "/v1/meetings/{meetingId}/minutes", "/v1/meetings/\(meetingID)/minutes",
        json: minutesBody, ifMatch: etag)
      #expect(minutes.status == 200)
      let item = try #require((minutes.json["actionItems"] as? [String])?.first)
      etag = try #require(minutes.headers[.eTag])
      let overdue = try await http.call(
        .get, "/v1/overdue/action-items", "/v1/overdue/action-items")
      #expect(overdue.status == 200)
      _ = try await http.call(.get, "/v1/overdue/meetings", "/v1/overdue/meetings")
      _ = try await http.call(.get, "/v1/overdue/revisions", "/v1/overdue/revisions")
      let complete = "/v1/action-items/{actionItemId}/complete"
      let staleComplete = try await http.call(
        .post, complete, "/v1/action-items/\(item)/complete", ifMatch: "\"\(group).1\"")
      #expect(staleComplete.status == 412)
      let doneVersion = try #require(minutes.json["version"] as? Int)
      let foreignComplete = try await http.call(
        .post, complete, "/v1/action-items/\(item)/complete",
        ifMatch: "\"ag-00000000-0000-4000-8000-000000000000.\(doneVersion)\"")
      #expect(foreignComplete.status == 412, "the version of another group is not this group's")
      let done = try await http.call(
        .post, complete, "/v1/action-items/\(item)/complete", ifMatch: etag)
      #expect(done.status == 200)
      etag = try #require(done.headers[.eTag])
      let removed = try await http.call(
        .post, "/v1/groups/{groupId}/members/{memberId}/remove",
        path + "/members/\(memberID)/remove", ifMatch: etag)
      #expect(removed.status == 200)
      etag = try #require(removed.headers[.eTag])
      let closed = try await http.call(
        .post, "/v1/groups/{groupId}/close", path + "/close", ifMatch: etag)
      #expect(closed.status == 200)
      let final = try await http.call(.get, "/v1/groups/{groupId}", path)
      #expect(final.json["status"] as? String == "closed")
      #expect(final.json["planId"] as? String == plan)
      #expect(final.json["recipientId"] as? String == fixture.larRecipient.rawValue)
      #expect(final.json["recipientID"] == nil)
      let history = try await http.call(
        .get, "/v1/groups/{groupId}/history", path + "/history")
      let changes = (history.json["items"] as? [[String: Any]])?.compactMap {
        $0["change"] as? String
      }
      #expect(changes?.count == closed.json["version"] as? Int)
      #expect(changes?.last == "closed")
      #expect(final.headers[.eTag] == closed.headers[.eTag])
      let meetings = try #require(final.json["meetings"] as? [[String: Any]])
      let items = try #require(meetings.first?["actionItems"] as? [[String: Any]])
      #expect(items.first?["completedAt"] is String)
      let denied = try await http.call(
        .get, "/v1/groups/{groupId}", path, as: "eva.sand")
      #expect(denied.status == 404)
      let deniedHistory = try await http.call(
        .get, "/v1/groups/{groupId}/history", path + "/history", as: "eva.sand")
      #expect(deniedHistory.status == 404)
      try http.checkSchemas()
    }
  }
}
