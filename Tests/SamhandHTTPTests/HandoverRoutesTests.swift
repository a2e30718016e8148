import Foundation
import HTTPTypes
import SamhandCore
import Testing

@Suite("Handover routes")
struct HandoverRoutesTests {
  typealias Recorder = PlanRoutesTests.Recorder

  /// The tsb recipient of the demo (index 3): registered by jon.rud, who holds responsibility
  /// and coordinates its active plan; its consent covers tsb, nav, psykisk-helse-rus and
  /// fastlege for identity, plan, group and handover.
  func recipient(_ fixture: HTTPFixture) -> RecipientID { fixture.recipients[3] }

  func planned(days: Int) -> String {
    Date().addingTimeInterval(Double(days) * 86_400)
      .formatted(.iso8601.year().month().day().dateSeparator(.dash))
  }

  /// Proposes as jon.rud; returns the new handover's id.
  func propose(_ http: Recorder, _ fixture: HTTPFixture, _ body: String) async throws -> String {
    let recipient = recipient(fixture)
    let created = try await http.call(
      .post, "/v1/recipients/{recipientId}/handovers", "/v1/recipients/\(recipient)/handovers",
      as: "jon.rud", json: body)
    #expect(created.status == 201, "\(created.text)")
    return try #require(created.json["id"] as? String)
  }

  @Test("a coordinator change is proposed, shown with its ETag, accepted with If-Match")
  func transfer() async throws {
    let fixture = try HTTPFixture()
    try await fixture.withClient { client in
      let http = Recorder(client)
      let id = try await propose(
        http, fixture,
        #"{"kind":"coordinator-change","mode":"transfer","toStaffId":"leif.berg","plannedDate":"\#(planned(days: 5))","notes":"Overtar fra mandag"}"#
      )
      let show = "/v1/handovers/{handoverId}"
      let shown = try await http.call(.get, show, "/v1/handovers/\(id)", as: "leif.berg")
      #expect(shown.status == 200)
      #expect(shown.headers[.eTag] == "\"\(id).1\"")
      #expect(shown.json["notes"] as? String == "Overtar fra mandag")
      let inbox = try await http.call(
        .get, "/v1/handovers/inbox", "/v1/handovers/inbox", as: "leif.berg")
      let incoming = try #require(inbox.json["incoming"] as? [[String: Any]])
      #expect(incoming.count == 1)
      #expect(incoming.first?["isLateNotice"] as? Bool == false)
      let accept = "/v1/handovers/{handoverId}/accept"
      let path = "/v1/handovers/\(id)/accept"
      #expect(try await http.call(.post, accept, path, as: "leif.berg").status == 428)
      #expect(
        try await http.call(.post, accept, path, as: "leif.berg", ifMatch: "\"\(id).9\"").status
          == 412)
      #expect(
        try await http.call(.post, accept, path, as: "jon.rud", ifMatch: "\"\(id).1\"").status
          == 403)
      let accepted = try await http.call(
        .post, accept, path, as: "leif.berg", ifMatch: "\"\(id).1\"")
      #expect(accepted.status == 200, "\(accepted.text)")
      #expect(accepted.headers[.eTag] == "\"\(id).2\"")
      let holder = try await http.call(
        .get, "/v1/recipients/{recipientId}/responsibility",
        "/v1/recipients/\(recipient(fixture))/responsibility", as: "leif.berg")
      #expect(holder.json["staff"] as? String == "leif.berg")
      #expect(holder.json["viaHandover"] as? String == id)
      let list = try await http.call(
        .get, "/v1/recipients/{recipientId}/handovers",
        "/v1/recipients/\(recipient(fixture))/handovers", as: "leif.berg")
      #expect((list.json["items"] as? [[String: Any]])?.count == 1)
      try http.checkSchemas()
    }
  }

  @Test("checklist, reject without and with a reason, bad input answered as problems")
  func checklistAndRefusals() async throws {
    let fixture = try HTTPFixture()
    try await fixture.withClient { client in
      let http = Recorder(client)
      let id = try await propose(
        http, fixture,
        #"{"kind":"discharge-to-aftercare","mode":"referral","toStaffId":"siri.fjell","plannedDate":"\#(planned(days: 10))"}"#
      )
      let base = "/v1/handovers/\(id)"
      let check = try await http.call(
        .post, "/v1/handovers/{handoverId}/checklist/{itemKey}/check",
        base + "/checklist/housing/check", as: "siri.fjell", ifMatch: "\"\(id).1\"")
      #expect(check.status == 200)
      let added = try await http.call(
        .post, "/v1/handovers/{handoverId}/checklist", base + "/checklist", as: "jon.rud",
        json: #"{"text":"Nøkler til leiligheten"}"#, ifMatch: "\"\(id).2\"")
      #expect(added.status == 200)
      let uncheck = try await http.call(
        .post, "/v1/handovers/{handoverId}/checklist/{itemKey}/uncheck",
        base + "/checklist/nothing/uncheck", as: "siri.fjell", ifMatch: "\"\(id).3\"")
      #expect(uncheck.status == 422)
      let reject = "/v1/handovers/{handoverId}/reject"
      let noReason = try await http.call(
        .post, reject, base + "/reject", as: "siri.fjell",
        json: #"{"category":"no-capacity","reason":" "}"#, ifMatch: "\"\(id).3\"")
      #expect(noReason.status == 422)
      let noCategory = try await http.call(
        .post, reject, base + "/reject", as: "siri.fjell", json: #"{"reason":"Ingen plass"}"#,
        ifMatch: "\"\(id).3\"")
      #expect(noCategory.status == 422, "\(noCategory.text)")
      let unknownCategory = try await http.call(
        .post, reject, base + "/reject", as: "siri.fjell",
        json: #"{"category":"busy","reason":"Ingen plass"}"#, ifMatch: "\"\(id).3\"")
      #expect(unknownCategory.status == 422, "\(unknownCategory.text)")
      let unknownField = try await http.call(
        .post, reject, base + "/reject", as: "siri.fjell", json: #"{"why":"x"}"#,
        ifMatch: "\"\(id).3\"")
      #expect(unknownField.status == 422 || unknownField.status == 400)
      let rejected = try await http.call(
        .post, reject, base + "/reject", as: "siri.fjell",
        json: #"{"category":"no-capacity","reason":"Ingen plass"}"#, ifMatch: "\"\(id).3\"")
      #expect(rejected.status == 200, "\(rejected.text)")
      let withdraw = try await http.call(
        .post, "/v1/handovers/{handoverId}/withdraw", base + "/withdraw", as: "jon.rud",
        json: "{}", ifMatch: "\"\(id).4\"")
      #expect(withdraw.status == 409)
      let complete = try await http.call(
        .post, "/v1/handovers/{handoverId}/complete", base + "/complete", as: "jon.rud",
        ifMatch: "\"\(id).4\"")
      #expect(complete.status == 409)
      // The receiver of a rejected referral has no relationship left: it is gone for her.
      let gone = try await http.call(
        .get, "/v1/handovers/{handoverId}", base, as: "siri.fjell")
      #expect(gone.status == 404)
      let recipient = recipient(fixture)
      let create = "/v1/recipients/{recipientId}/handovers"
      for (body, status) in [
        (
          #"{"kind":"holiday","mode":"referral","toStaffId":"siri.fjell","plannedDate":"2099-01-01"}"#,
          422
        ),
        (
          #"{"kind":"relocation","mode":"referral","toStaffId":"siri.fjell","plannedDate":"2001-01-01"}"#,
          422
        ),
        (
          #"{"kind":"relocation","mode":"referral","toStaffId":"eva.sand","plannedDate":"2099-01-01"}"#,
          409
        ),
        (#"{"kind":"relocation","mode":"referral","plannedDate":"2099-01-01","extra":1}"#, 422),
      ] {
        let refused = try await http.call(
          .post, create, "/v1/recipients/\(recipient)/handovers", as: "jon.rud", json: body)
        #expect(refused.status == status, "\(body): \(refused.text)")
      }
      try http.checkSchemas()
    }
  }

  @Test(
    "a second login without a relationship gets what a missing handover gets, and changes nothing")
  func bola() async throws {
    let fixture = try HTTPFixture()
    try await fixture.withClient { client in
      let http = Recorder(client)
      let id = try await propose(
        http, fixture,
        #"{"kind":"relocation","mode":"transfer","toStaffId":"leif.berg","plannedDate":"\#(planned(days: 20))"}"#
      )
      let missing = "h-00000000-0000-4000-8000-000000000000"
      for staff in ["eva.sand", "tor.lie"] {
        let shown = try await http.call(
          .get, "/v1/handovers/{handoverId}", "/v1/handovers/\(id)", as: staff)
        let none = try await http.call(
          .get, "/v1/handovers/{handoverId}", "/v1/handovers/\(missing)", as: staff)
        #expect(shown.status == 404 && none.status == 404)
        #expect(
          shown.json["detail"] as? String
            == (none.json["detail"] as? String)?.replacingOccurrences(of: missing, with: id))
        let accept = try await http.call(
          .post, "/v1/handovers/{handoverId}/accept", "/v1/handovers/\(id)/accept", as: staff,
          ifMatch: "\"\(id).1\"")
        #expect(accept.status == 404)
        let inbox = try await http.call(
          .get, "/v1/handovers/inbox", "/v1/handovers/inbox", as: staff)
        #expect((inbox.json["incoming"] as? [Any])?.isEmpty == true)
      }
      let still = try await http.call(
        .get, "/v1/handovers/{handoverId}", "/v1/handovers/\(id)", as: "jon.rud")
      #expect(still.headers[.eTag] == "\"\(id).1\"")
      try http.checkSchemas()
    }
  }
}
