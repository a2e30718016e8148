import Foundation
import HTTPTypes
import SamhandCore
import SamhandService
import Testing

/// `GET /v1/agenda`: each login sees its own work, nobody else's, in the documented shape.
@Suite("HTTP: the agenda")
struct AgendaRouteTests {
  static let owner = "eirik.lund"
  static let other = "eva.sand"

  /// eirik.lund coordinates a draft plan of the lar recipient and records a consent ending in
  /// ten days; it names a GP, so none of the demo's consents covers it (it is not renewed).
  func prepared() throws -> (HTTPFixture, ConsentID) {
    let fixture = try HTTPFixture()
    let actor = Actor(staffID: StaffID(rawValue: Self.owner), channel: .cli)
    let recipient = fixture.larRecipient
    _ = try fixture.service.createPlan(
      recipient: recipient, coordinator: actor.staffID, as: actor, options: .followUp)
    let consent = try fixture.service.addConsent(
      recipient: recipient,
      scope: .init(
        services: [try ServiceCode("lar")], staff: [StaffID(rawValue: "geir.ask")],
        categories: [.identity]),
      purpose: "samordning", validUntil: CalendarDate.today(SystemClock()).adding(days: 10),
      as: actor, options: .followUp)
    return (fixture, consent)
  }

  @Test("two logins: the owner gets their item, the other login never sees it")
  func twoLogins() async throws {
    let (fixture, consent) = try prepared()
    let samples = try await fixture.withClient { client in
      var samples: [ResponseSample] = []
      for staff in [Self.owner, Self.other, nil] {
        let reply = try await client.send(.get, "/v1/agenda", as: staff)
        samples.append(
          ResponseSample(
            method: "get", path: "/v1/agenda", status: reply.status,
            contentType: reply.contentType, body: reply.text))
      }
      return samples
    }
    #expect(samples.map(\.status) == [200, 200, 401])
    let mine = try Self.items(samples[0].body)
    let theirs = try Self.items(samples[1].body)
    let item = try #require(mine.first { $0["subject"] as? String == consent.rawValue })
    #expect(item["kind"] as? String == "consent-ending")
    #expect(item["recipient"] as? String == fixture.larRecipient.rawValue)
    #expect(item["overdue"] as? Bool == false)
    #expect(!samples[1].body.contains(consent.rawValue))
    #expect(!theirs.contains { $0["recipient"] as? String == fixture.larRecipient.rawValue })
    let report = try SchemaValidator.validate(samples)
    #expect(report.failures.isEmpty, "\(report.failures.joined(separator: "\n"))")
  }

  static func items(_ body: String) throws -> [[String: Any]] {
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any], "\(body)")
    #expect(object["today"] is String)
    return try #require(object["items"] as? [[String: Any]])
  }
}
