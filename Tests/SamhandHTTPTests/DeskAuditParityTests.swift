import Foundation
import HTTPTypes
import SamhandCore
import SamhandTestSupport
import Testing

/// Every desk page is the API's use case: its reads leave exactly the audit entries (actor,
/// action, recipient, purpose, decision, channel) the matching API calls leave, in the same
/// order.
@Suite("Desk pages audit like the API")
struct DeskAuditParityTests {
  struct Case: Sendable, CustomStringConvertible {
    let staff: String
    let desk: String
    let api: [String]
    var description: String { "\(staff) \(desk)" }
  }

  static let recipientSlot = "{r}"

  static let cases: [Case] = [
    Case(staff: "siri.fjell", desk: "/desk", api: ["/v1/agenda?names=true"]),
    Case(staff: "siri.fjell", desk: "/desk/caseload", api: ["/v1/caseload"]),
    Case(
      staff: "siri.fjell", desk: "/desk/recipients/{r}",
      api: [
        "/v1/recipients/{r}", "/v1/recipients/{r}/responsibility", "/v1/recipients/{r}/plans",
        "/v1/recipients/{r}/group", "/v1/recipients/{r}/handovers",
      ]),
    Case(staff: "kari.nes", desk: "/desk/handovers", api: ["/v1/handovers/inbox"]),
    Case(
      staff: "kim.aas", desk: "/desk/audit/recipients/{r}",
      api: ["/v1/recipients/{r}/access-log"]),
    Case(staff: "kim.aas", desk: "/desk/audit/break-glass", api: ["/v1/break-glass"]),
    Case(staff: "kim.aas", desk: "/desk/audit/verify", api: ["/v1/audit/verify"]),
  ]

  @Test("a page's reads appear in the audit log exactly as the API's do", arguments: cases)
  func sameEntries(_ page: Case) async throws {
    let fixture = try HTTPFixture(clock: MovableClock())
    try await fixture.withClient { client in
      let caseload = try await client.send(.get, "/v1/caseload", as: "siri.fjell")
      let items = try #require(caseload.json["items"] as? [[String: Any]])
      let recipient = try #require(items.first?["id"] as? String)
      var desk = try await DeskClient.signedIn(client, as: page.staff)
      let start = try AuditTail.last(fixture)
      let shown = try await desk.get(page.desk.replacingOccurrences(of: "{r}", with: recipient))
      #expect(shown.status == 200, "\(shown.text)")
      let middle = try AuditTail.last(fixture)
      for path in page.api {
        let reply = try await client.send(
          .get, path.replacingOccurrences(of: "{r}", with: recipient), as: page.staff)
        // A recipient without an active group: 404 from the API, "none" on the page.
        let absent = path.hasSuffix("/group") && reply.status == 404
        #expect(reply.status == 200 || absent, "\(path): \(reply.text)")
      }
      let byDesk = try AuditTail.entries(fixture, after: start, upTo: middle)
      let byAPI = try AuditTail.entries(fixture, after: middle, upTo: nil)
      #expect(!byDesk.isEmpty)
      #expect(byDesk == byAPI)
    }
  }
}

/// The audit log's entries after a sequence number, without what differs per request
/// (time, request id).
enum AuditTail {
  struct Entry: Equatable, CustomStringConvertible {
    let actor: String
    let action: String
    let recipient: String?
    let purpose: String?
    let decision: String
    let channel: String
    var description: String { "\(actor) \(action) \(recipient ?? "-") \(decision)" }
  }

  static func last(_ fixture: HTTPFixture) throws -> Int64 {
    try fixture.service.auditHeadSequence()
  }

  static func entries(_ fixture: HTTPFixture, after start: Int64, upTo end: Int64?) throws
    -> [Entry]
  {
    try fixture.service.rows(
      """
      SELECT actor, action, recipient_id, purpose, decision, channel FROM audit_entries
      WHERE sequence > \(start) AND sequence <= \(end ?? Int64.max) ORDER BY sequence
      """
    ).map { row in
      Entry(
        actor: try row["actor"], action: try row["action"], recipient: try row["recipient_id"],
        purpose: try row["purpose"], decision: try row["decision"], channel: try row["channel"])
    }
  }
}
