import Foundation
import HTTPTypes
import SamhandCore
import SamhandService
import SamhandTestSupport
import Testing

/// The HTTP BOLA tests, repeated for the desk: eva.sand (barnevern) may not see the lar
/// recipient eirik.lund cares for. No page, link or form of hers reveals that recipient: by
/// id it answers exactly as a recipient that does not exist, and no list, search or link
/// names it.
@Suite("Desk BOLA: no page, link or form reveals a recipient the staff member may not see")
struct DeskBOLATests {
  static let intruder = "eva.sand"

  struct Probe: Sendable, CustomStringConvertible {
    let method: HTTPRequest.Method
    let path: String
    let fields: [String: String]
    var description: String { "\(method) \(path)" }
  }

  static let probes: [Probe] = [
    Probe(method: .get, path: "/desk/recipients/{r}", fields: [:]),
    Probe(method: .get, path: "/desk/audit/recipients/{r}", fields: [:]),
    Probe(
      method: .post, path: "/desk/recipients/{r}/handovers",
      fields: [
        "kind": "relocation", "mode": "transfer", "toStaff": "kari.nes",
        "plannedDate": "2099-01-01",
      ]),
  ]

  @Test("by id, a denied recipient answers like a missing one", arguments: probes)
  func byID(_ probe: Probe) async throws {
    let fixture = try HTTPFixture(clock: MovableClock())
    let real = fixture.larRecipient.rawValue
    let missing = HTTPFixture.missingRecipient.rawValue
    try await fixture.withClient { client in
      var desk = try await DeskClient.signedIn(client, as: Self.intruder)
      _ = try await desk.get("/desk")
      let denied = try await send(&desk, probe, real)
      let absent = try await send(&desk, probe, missing)
      #expect([403, 404].contains(denied.status))
      #expect(denied.status == absent.status)
      #expect(
        denied.text.replacingOccurrences(of: real, with: "ID")
          == absent.text.replacingOccurrences(of: missing, with: "ID"))
      var owner = try await DeskClient.signedIn(client, as: "eirik.lund")
      let seen = try await owner.get("/desk/recipients/\(real)")
      #expect(seen.status == 200)
    }
  }

  @Test("no list, search or link of hers names the recipient")
  func listsAndSearch() async throws {
    let fixture = try HTTPFixture(clock: MovableClock())
    let real = fixture.larRecipient
    let recipient = try fixture.service.showRecipient(
      real, as: Actor(staffID: StaffID(rawValue: "eirik.lund"), channel: .http),
      options: .followUp)
    let nationalID = recipient.nationalID.description
    try await fixture.withClient { client in
      var desk = try await DeskClient.signedIn(client, as: Self.intruder)
      for path in ["/desk", "/desk/caseload", "/desk/handovers"] {
        let page = try await desk.get(path)
        #expect(page.status == 200, "\(path)")
        #expect(!page.text.contains(real.rawValue), "\(path)")
        #expect(!page.text.contains(nationalID), "\(path)")
      }
      let search = try await desk.post("/desk/caseload/search", ["nationalId": nationalID])
      #expect(search.status == 404)
      #expect(!search.text.contains(real.rawValue))
      #expect(search.headers[.location] == nil)
      var owner = try await DeskClient.signedIn(client, as: "eirik.lund")
      _ = try await owner.get("/desk/caseload")
      let found = try await owner.post("/desk/caseload/search", ["nationalId": nationalID])
      #expect(found.status == 303)
      #expect(found.headers[.location] == "/desk/recipients/\(real)")
    }
  }

  private func send(_ desk: inout DeskClient, _ probe: Probe, _ id: String) async throws
    -> HTTPFixture.Reply
  {
    let path = probe.path.replacingOccurrences(of: "{r}", with: id)
    return probe.method == .get ? try await desk.get(path) : try await desk.post(path, probe.fields)
  }
}
