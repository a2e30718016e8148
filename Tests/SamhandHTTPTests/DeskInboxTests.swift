import Foundation
import HTTPTypes
import SamhandCore
import SamhandService
import SamhandTestSupport
import Testing

/// The inbox's checklist ticks, and forms that carry the version they were rendered from
/// (the API's `If-Match`): a stale one is refused with a page in Norwegian, nothing changed.
@Suite("Desk: checklist ticks and stale forms")
struct DeskInboxTests {
  /// siri.fjell proposes a coordinator change to ola.strand from the desk; answers the
  /// recipient and ola.strand's desk on his inbox's article for it.
  static func proposed(_ client: HTTPFixture.Client) async throws -> (
    recipient: String, ola: DeskClient, article: String
  ) {
    let (recipient, _) = try await DeskFlowTests.coordinatedRecipient(client)
    var siri = try await DeskClient.signedIn(client, as: "siri.fjell")
    _ = try await siri.get("/desk/recipients/\(recipient)")
    let proposed = try await siri.post(
      "/desk/recipients/\(recipient)/handovers",
      [
        "kind": "coordinator-change", "mode": "transfer", "toStaff": "ola.strand",
        "plannedDate": "2099-01-15",
      ])
    #expect(proposed.status == 303, "\(proposed.text)")
    var ola = try await DeskClient.signedIn(client, as: "ola.strand", purpose: "handover")
    let inbox = try await ola.get("/desk/handovers")
    let article = try #require(
      inbox.text.components(separatedBy: "<article").first { $0.contains(recipient) })
    return (recipient, ola, article)
  }

  /// The tick forms' addresses in an inbox article.
  static func tickPaths(_ article: String) -> [String] {
    article.matches(of: /action="(\/desk\/handovers\/[^"\/]+\/checklist\/[^"\/]+\/check)"/)
      .map { String($0.output.1) }
  }

  @Test("an open checklist item is ticked from the inbox, audited as the API's tick")
  func tick() async throws {
    let fixture = try HTTPFixture(clock: MovableClock())
    try await fixture.withClient { client in
      let (recipient, desk, article) = try await Self.proposed(client)
      var ola = desk
      let paths = Self.tickPaths(article)
      #expect(paths.count >= 2, "\(article)")
      let version = try #require(DeskClient.field("version", in: article))
      let start = try AuditTail.last(fixture)
      let ticked = try await ola.post(paths[0], ["version": version])
      #expect(ticked.status == 303, "\(ticked.text)")
      let middle = try AuditTail.last(fixture)
      let inbox = try await ola.get("/desk/handovers")
      #expect(!inbox.text.contains(paths[0]))
      #expect(inbox.text.contains(paths[1]))

      let parts = paths[1].split(separator: "/")
      let (handover, item) = (String(parts[2]), String(parts[4]))
      let shown = try await client.send(.get, "/v1/handovers/\(handover)", as: "ola.strand")
      let etag = try #require(shown.headers[.eTag])
      let checklist = try #require(shown.json["checklist"] as? [[String: Any]])
      let first = String(paths[0].split(separator: "/")[4])
      #expect(
        checklist.first { $0["key"] as? String == first }?["doneBy"] as? String == "ola.strand")
      let end = try AuditTail.last(fixture)
      var headers = HTTPFields()
      headers[.ifMatch] = etag
      let api = try await client.send(
        .post, "/v1/handovers/\(handover)/checklist/\(item)/check", as: "ola.strand",
        headers: headers, purpose: "handover")
      #expect(api.status == 200, "\(api.text)")
      let byDesk = try AuditTail.entries(fixture, after: start, upTo: middle)
      let byAPI = try AuditTail.entries(fixture, after: end, upTo: nil)
      #expect(byDesk.map(\.action) == ["handover.check"])
      #expect(byDesk == byAPI)
      #expect(byDesk.first?.recipient == recipient)
    }
  }

  @Test("a tick, an acceptance or a rejection from a stale inbox is refused, nothing changed")
  func staleInbox() async throws {
    let fixture = try HTTPFixture(clock: MovableClock())
    try await fixture.withClient { client in
      let (_, desk, article) = try await Self.proposed(client)
      var ola = desk
      let paths = Self.tickPaths(article)
      let version = try #require(DeskClient.field("version", in: article))
      #expect(try await ola.post(paths[0], ["version": version]).status == 303)
      let stale = try await ola.post(paths[1], ["version": version])
      #expect(stale.status == 412)
      #expect(stale.text.contains("Noen andre har endret saken"))
      #expect(stale.text.contains("Ingenting er lagret"))
      let accept = try #require(
        article.firstMatch(of: /action="(\/desk\/handovers\/[^"\/]+\/accept)"/)?.output.1)
      let refused = try await ola.post(String(accept), ["version": version])
      #expect(refused.status == 412)
      let reject = try #require(
        article.firstMatch(of: /action="(\/desk\/handovers\/[^"\/]+\/reject)"/)?.output.1)
      let rejected = try await ola.post(
        String(reject),
        ["version": version, "category": "no-capacity", "reason": "Ingen ledig plass"])
      #expect(rejected.status == 412)
      let inbox = try await ola.get("/desk/handovers")
      #expect(inbox.text.contains(paths[1]))
      #expect(inbox.text.contains(String(accept)))
      let missing = try await ola.post(paths[1], [:])
      #expect(missing.status == 422)
    }
  }

  @Test("a goal from a page whose plan changed since is refused in Norwegian, nothing added")
  func stalePlan() async throws {
    let fixture = try HTTPFixture(clock: MovableClock())
    try await fixture.withClient { client in
      let (recipient, plan) = try await DeskFlowTests.coordinatedRecipient(client)
      var siri = try await DeskClient.signedIn(client, as: "siri.fjell")
      let page = try await siri.get("/desk/recipients/\(recipient)")
      let version = try #require(DeskFlowTests.planVersion(page))
      let goal = ["planId": plan, "version": version, "domain": "housing"]
      var first = goal
      first["text"] = "Egen leilighet innen sommeren"
      #expect(try await siri.post("/desk/recipients/\(recipient)/goals", first).status == 303)
      var second = goal
      second["text"] = "Fast jobb innen jul"
      let stale = try await siri.post("/desk/recipients/\(recipient)/goals", second)
      #expect(stale.status == 412)
      #expect(stale.text.contains("Saken er endret av noen andre"))
      #expect(stale.text.contains("Noen andre har endret saken"))
      let after = try await siri.get("/desk/recipients/\(recipient)")
      #expect(after.text.contains("Egen leilighet innen sommeren"))
      #expect(!after.text.contains("Fast jobb innen jul"))
      #expect(DeskFlowTests.planVersion(after) != version)
    }
  }

  @Test("the audit pages are in the menu of those the policies let open them, only")
  func auditMenu() async throws {
    let fixture = try HTTPFixture(clock: MovableClock())
    try await fixture.withClient { client in
      var siri = try await DeskClient.signedIn(client, as: "siri.fjell")
      let agenda = try await siri.get("/desk")
      #expect(agenda.status == 200)
      for link in ["/desk/audit/break-glass", "/desk/audit/verify", "/desk/audit/staff\""] {
        #expect(!agenda.text.contains(link), "\(link)")
      }
      #expect(try await siri.get("/desk/audit/verify").status == 403)
      var kim = try await DeskClient.signedIn(client, as: "kim.aas", purpose: "audit-review")
      let before = try AuditTail.last(fixture)
      let verify = try await kim.get("/desk/audit/verify")
      #expect(verify.status == 200)
      for link in ["/desk/audit/break-glass", "/desk/audit/verify", "/desk/audit/staff\""] {
        #expect(verify.text.contains(link), "\(link)")
      }
      let entries = try AuditTail.entries(fixture, after: before, upTo: nil)
      #expect(entries.map(\.action) == ["audit.verify"])
    }
  }
}
