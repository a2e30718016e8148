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

  @Test("names=true names the items' recipients, one audited look per name; without it none")
  func names() async throws {
    let (fixture, _) = try prepared()
    let name = try fixture.service.showRecipient(
      fixture.larRecipient, as: Actor(staffID: StaffID(rawValue: Self.owner), channel: .cli),
      options: .followUp
    ).name.value
    try await fixture.withClient { client in
      let start = try AuditTail.last(fixture)
      let plain = try await client.send(.get, "/v1/agenda", as: Self.owner)
      #expect(plain.status == 200)
      #expect(plain.json["recipients"] == nil)
      let middle = try AuditTail.last(fixture)
      let unnamed = try AuditTail.entries(fixture, after: start, upTo: middle)
      #expect(!unnamed.isEmpty)
      #expect(!unnamed.contains { $0.action == "agenda.name" })
      let named = try await client.send(.get, "/v1/agenda?names=true", as: Self.owner)
      #expect(named.status == 200)
      let onAgenda = Set(try Self.items(named.text).compactMap { $0["recipient"] as? String })
      let recipients = try #require(named.json["recipients"] as? [[String: Any]])
      let ids = recipients.compactMap { $0["id"] as? String }
      #expect(Set(ids).isSubset(of: onAgenda))
      let lar = try #require(
        recipients.first { $0["id"] as? String == fixture.larRecipient.rawValue })
      #expect(lar["name"] as? String == name)
      let naming = try AuditTail.entries(fixture, after: middle, upTo: nil)
        .filter { $0.action == "agenda.name" }
      let looks = naming.filter { $0.recipient != nil }
      #expect(naming.count == looks.count + 1)
      #expect(looks.count == ids.count)
      #expect(looks.compactMap(\.recipient).sorted() == ids.sorted())
      #expect(looks.allSatisfy { $0.decision == "allow" && $0.purpose == "follow-up" })
      let sample = ResponseSample(
        method: "get", path: "/v1/agenda", status: named.status, contentType: named.contentType,
        body: named.text)
      let report = try SchemaValidator.validate([sample])
      #expect(report.failures.isEmpty, "\(report.failures.joined(separator: "\n"))")
      let wrong = try await client.send(.get, "/v1/agenda?names=yes", as: Self.owner)
      #expect(wrong.status == 400)
    }
  }

  static func items(_ body: String) throws -> [[String: Any]] {
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any], "\(body)")
    #expect(object["today"] is String)
    return try #require(object["items"] as? [[String: Any]])
  }
}
