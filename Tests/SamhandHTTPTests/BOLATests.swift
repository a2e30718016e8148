import Foundation
import HTTPTypes
import SamhandCore
import Testing

/// Two logins: eirik.lund (lar) cares for the lar recipient; eva.sand (barnevern) has neither
/// a care relationship nor consent. Whatever eva.sand tries through ids, lists, search or
/// error messages answers exactly as it would for a recipient that does not exist.
@Suite("BOLA: staff without relationship or consent learn and change nothing")
struct BOLATests {
  static let intruder = "eva.sand"

  struct Probe: Sendable, CustomStringConvertible {
    let method: HTTPRequest.Method
    let suffix: String
    let body: String?
    var description: String { "\(method) /v1/recipients/{id}\(suffix)" }
  }

  static let probes: [Probe] = [
    Probe(method: .get, suffix: "", body: nil),
    Probe(method: .post, suffix: "/assign", body: #"{"staffId":"eva.sand"}"#),
    Probe(method: .post, suffix: "/unassign", body: #"{"staffId":"eirik.lund"}"#),
    Probe(
      method: .post, suffix: "/consents",
      body: #"{"services":["barnevern"],"categories":["identity"],"purpose":"x"}"#),
    Probe(method: .get, suffix: "/consents", body: nil),
    Probe(method: .post, suffix: "/blocks", body: #"{"staffId":"eirik.lund"}"#),
    Probe(method: .get, suffix: "/blocks", body: nil),
    Probe(method: .post, suffix: "/break-glass", body: #"{"reason":"nysgjerrig"}"#),
    Probe(method: .get, suffix: "/access-log", body: nil),
    Probe(method: .get, suffix: "/life-domains", body: nil),
    Probe(method: .post, suffix: "/life-domains", body: #"{"scores":{"housing":"red"}}"#),
  ]

  @Test(
    "a denied recipient answers like a missing one, byte for byte but for the id", arguments: probes
  )
  func recipientRoutes(_ probe: Probe) async throws {
    let fixture = try HTTPFixture()
    let real = fixture.larRecipient
    let missing = HTTPFixture.missingRecipient
    try await fixture.withClient { client in
      let denied = try await client.send(
        probe.method, "/v1/recipients/\(real)\(probe.suffix)", as: Self.intruder, json: probe.body)
      let absent = try await client.send(
        probe.method, "/v1/recipients/\(missing)\(probe.suffix)", as: Self.intruder,
        json: probe.body)
      #expect(denied.status == 404)
      #expect(denied.status == absent.status)
      #expect(
        denied.text.replacingOccurrences(of: real.rawValue, with: "ID")
          == absent.text.replacingOccurrences(of: missing.rawValue, with: "ID"))
      #expect(denied.headers[.eTag] == nil)
      let owner = try await client.send(
        probe.method == .get ? .get : .get, "/v1/recipients/\(real)", as: "eirik.lund")
      #expect(owner.status == 200)
    }
  }

  @Test("consents and blocks of a denied recipient cannot be changed through their own ids")
  func consentAndBlockIDs() async throws {
    let fixture = try HTTPFixture()
    let real = fixture.larRecipient
    try await fixture.withClient { client in
      let consent = try await client.send(
        .post, "/v1/recipients/\(real)/consents", as: "eirik.lund",
        json: #"{"services":["tsb"],"categories":["plan"],"purpose":"samordning"}"#)
      let block = try await client.send(
        .post, "/v1/recipients/\(real)/blocks", as: "eirik.lund", json: #"{"serviceCode":"nav"}"#)
      let consentID = try #require(consent.json["id"] as? String)
      let blockID = try #require(block.json["id"] as? String)
      let fakeConsent = "c-00000000-0000-4000-8000-000000000000"
      let fakeBlock = "b-00000000-0000-4000-8000-000000000000"
      for (real, fake, path) in [
        (consentID, fakeConsent, "/v1/consents/%@/withdraw"),
        (blockID, fakeBlock, "/v1/blocks/%@/lift"),
      ] {
        let denied = try await client.send(
          .post, path.replacingOccurrences(of: "%@", with: real), as: Self.intruder,
          headers: [.ifMatch: "\"\(real).1\""])
        let absent = try await client.send(
          .post, path.replacingOccurrences(of: "%@", with: fake), as: Self.intruder,
          headers: [.ifMatch: "\"\(fake).1\""])
        #expect(denied.status == 404)
        #expect(
          denied.text.replacingOccurrences(of: real, with: "ID")
            == absent.text.replacingOccurrences(of: fake, with: "ID"))
      }
      let consents = try await client.send(
        .get, "/v1/recipients/\(real)/consents", as: "eirik.lund")
      let mine = (consents.json["items"] as? [[String: Any]])?.first {
        $0["id"] as? String == consentID
      }
      #expect(mine?["version"] as? Int == 1)
      let blocks = try await client.send(.get, "/v1/recipients/\(real)/blocks", as: "eirik.lund")
      let live = (blocks.json["items"] as? [[String: Any]])?.first {
        $0["id"] as? String == blockID
      }
      #expect(live?["version"] as? Int == 1)
    }
  }

  @Test("lists and search never show a denied recipient, and search answers like a miss")
  func listsAndSearch() async throws {
    let fixture = try HTTPFixture()
    let real = fixture.larRecipient
    let realNationalID = try #require(
      NationalID.synthetic(year: 1969, month: 5, day: 5, individual: 104))
    let absentNationalID = try #require(
      NationalID.synthetic(year: 1950, month: 1, day: 2, individual: 555))
    try await fixture.withClient { client in
      let ownerFind = try await client.send(
        .post, "/v1/recipients/search", as: "eirik.lund",
        json: #"{"nationalId":"\#(realNationalID.digits)"}"#)
      #expect(ownerFind.json["id"] as? String == real.rawValue)
      let denied = try await client.send(
        .post, "/v1/recipients/search", as: Self.intruder,
        json: #"{"nationalId":"\#(realNationalID.digits)"}"#)
      let absent = try await client.send(
        .post, "/v1/recipients/search", as: Self.intruder,
        json: #"{"nationalId":"\#(absentNationalID.digits)"}"#)
      #expect(denied.status == 404)
      #expect(denied.body == absent.body)
      for path in ["/v1/caseload?limit=200", "/v1/consents/expiring?days=366&limit=200"] {
        let list = try await client.send(.get, path, as: Self.intruder)
        #expect(list.status == 200)
        #expect(!list.text.contains(real.rawValue))
      }
    }
  }
}
