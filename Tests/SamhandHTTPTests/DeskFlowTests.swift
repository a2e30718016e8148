import Foundation
import HTTPTypes
import SamhandCore
import SamhandService
import SamhandTestSupport
import Testing

/// The desk's daily writes end to end over HTTP: a coordinator adds a goal and proposes a
/// handover, the receiver accepts it from the inbox, and the auditor finds both in the
/// recipient's access log. (Tests/Browser runs the same story in a real browser.)
@Suite("Desk flows")
struct DeskFlowTests {
  /// A recipient of siri.fjell's caseload whose open plan she coordinates, and that plan.
  static func coordinatedRecipient(_ client: HTTPFixture.Client) async throws -> (
    recipient: String, plan: String
  ) {
    let caseload = try await client.send(.get, "/v1/caseload?limit=200", as: "siri.fjell")
    for item in caseload.json["items"] as? [[String: Any]] ?? [] {
      guard let id = item["id"] as? String else { continue }
      let plans = try await client.send(.get, "/v1/recipients/\(id)/plans", as: "siri.fjell")
      for plan in plans.json["items"] as? [[String: Any]] ?? []
      where plan["coordinator"] as? String == "siri.fjell" && plan["status"] as? String != "closed"
      {
        if let planID = plan["id"] as? String { return (id, planID) }
      }
    }
    throw ServiceError.notFound(kind: "recipient", id: "with a plan siri.fjell coordinates")
  }

  /// The version of the plan the recipient page's forms write to.
  static func planVersion(_ page: HTTPFixture.Reply) -> String? {
    DeskClient.field("version", in: page.text, after: #"id="goal-form""#)
  }

  @Test("add a goal, propose a handover, accept it, find both looks in the access log")
  func coordinatorDay() async throws {
    let fixture = try HTTPFixture(clock: MovableClock())
    try await fixture.withClient { client in
      let (recipient, plan) = try await Self.coordinatedRecipient(client)
      var siri = try await DeskClient.signedIn(client, as: "siri.fjell")
      let page = try await siri.get("/desk/recipients/\(recipient)")
      #expect(page.status == 200)
      #expect(page.text.contains("Hvem har ansvaret nå"))
      let version = try #require(Self.planVersion(page))
      let goal = try await siri.post(
        "/desk/recipients/\(recipient)/goals",
        [
          "planId": plan, "version": version, "domain": "housing",
          "text": "Egen leilighet innen sommeren",
        ])
      #expect(goal.status == 303, "\(goal.text)")
      let after = try await siri.get("/desk/recipients/\(recipient)")
      #expect(after.text.contains("Egen leilighet innen sommeren"))
      let proposed = try await siri.post(
        "/desk/recipients/\(recipient)/handovers",
        [
          "kind": "coordinator-change", "mode": "transfer", "toStaff": "ola.strand",
          "plannedDate": "2099-01-15",
        ])
      #expect(proposed.status == 303, "\(proposed.text)")
      #expect(proposed.headers[.location] == "/desk/handovers")

      var ola = try await DeskClient.signedIn(client, as: "ola.strand", purpose: "handover")
      let inbox = try await ola.get("/desk/handovers")
      let article = try #require(
        inbox.text.components(separatedBy: "<article").first { $0.contains(recipient) })
      let action = try #require(
        article.range(of: #"action="/desk/handovers/[^"]+/accept""#, options: .regularExpression))
      let path = String(article[action].dropFirst("action=\"".count).dropLast())
      let handoverVersion = try #require(DeskClient.field("version", in: article))
      let accepted = try await ola.post(path, ["version": handoverVersion])
      #expect(accepted.status == 303, "\(accepted.text)")
      let holder = try await client.send(
        .get, "/v1/recipients/\(recipient)/responsibility", as: "ola.strand")
      #expect(holder.json["staff"] as? String == "ola.strand")

      var kim = try await DeskClient.signedIn(client, as: "kim.aas", purpose: "audit-review")
      let log = try await kim.get("/desk/audit/recipients/\(recipient)")
      #expect(log.status == 200)
      #expect(log.text.contains("plan.goal.add"))
      #expect(log.text.contains("handover.accept"))
      #expect(log.text.contains("ola.strand"))
      let looks = try await kim.get("/desk/audit/staff/ola.strand")
      #expect(looks.text.contains(recipient))
    }
  }

  @Test("minutes with an action item from the recipient's page show as an open item")
  func minutes() async throws {
    let fixture = try HTTPFixture(clock: MovableClock())
    try await fixture.withClient { client in
      let caseload = try await client.send(.get, "/v1/caseload?limit=200", as: "siri.fjell")
      var found: (recipient: String, meeting: String, member: String)?
      for item in caseload.json["items"] as? [[String: Any]] ?? [] where found == nil {
        guard let id = item["id"] as? String else { continue }
        let group = try await client.send(.get, "/v1/recipients/\(id)/group", as: "siri.fjell")
        let meetings = group.json["meetings"] as? [[String: Any]] ?? []
        let members = group.json["members"] as? [[String: Any]] ?? []
        if let meeting = meetings.first(where: { $0["minutes"] == nil || $0["minutes"] is NSNull }),
          let meetingID = meeting["id"] as? String, let member = members.first?["id"] as? String
        {
          found = (id, meetingID, member)
        }
      }
      let (recipient, meeting, member) = try #require(found)
      var siri = try await DeskClient.signedIn(client, as: "siri.fjell", purpose: "group-meeting")
      let page = try await siri.get("/desk/recipients/\(recipient)")
      #expect(page.text.contains(meeting))
      let version = try #require(
        DeskClient.field("version", in: page.text, after: "/desk/recipients/\(recipient)/minutes"))
      let posted = try await siri.post(
        "/desk/recipients/\(recipient)/minutes",
        [
          "meetingId": meeting, "version": version, "minutes": "Gjennomgikk boligsituasjonen",
          "decisions": "Søke kommunal bolig", "itemText": "Sende søknad om bolig",
          "itemOwner": member, "itemDue": "2099-02-01",
        ])
      #expect(posted.status == 303, "\(posted.text)")
      let after = try await siri.get("/desk/recipients/\(recipient)")
      #expect(after.text.contains("Sende søknad om bolig"))
    }
  }

  @Test("a form with a missing field answers 422 in Norwegian and changes nothing")
  func missingField() async throws {
    let fixture = try HTTPFixture(clock: MovableClock())
    try await fixture.withClient { client in
      let (recipient, plan) = try await Self.coordinatedRecipient(client)
      var siri = try await DeskClient.signedIn(client, as: "siri.fjell")
      let page = try await siri.get("/desk/recipients/\(recipient)")
      let version = try #require(Self.planVersion(page))
      let before = try AuditTail.last(fixture)
      let reply = try await siri.post(
        "/desk/recipients/\(recipient)/goals",
        ["planId": plan, "version": version, "domain": "housing"])
      #expect(reply.status == 422)
      #expect(reply.text.contains("«Mål» må fylles ut"))
      #expect(try AuditTail.last(fixture) == before)
    }
  }
}
