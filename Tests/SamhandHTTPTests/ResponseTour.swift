import Foundation
import HTTPTypes
import SamhandCore

/// One response to check against the document: the operation it answered and what it sent.
struct ResponseSample: Codable, Sendable {
  let method: String
  let path: String
  let status: Int
  let contentType: String?
  let body: String
}

/// Calls every route once or more, on success and error paths, and keeps every response.
enum ResponseTour {
  static func run(_ fixture: HTTPFixture) async throws -> [ResponseSample] {
    let recipient = fixture.larRecipient.rawValue
    let tsbRecipient = fixture.recipients[3].rawValue
    let nationalID =
      NationalID.synthetic(year: 1969, month: 5, day: 5, individual: 104)?.digits ?? ""
    return try await fixture.withClient { client in
      var samples: [ResponseSample] = []
      func call(
        _ method: HTTPRequest.Method, _ template: String, _ uri: String, as staff: String? = nil,
        json: String? = nil, headers: HTTPFields = [:]
      ) async throws -> HTTPFixture.Reply {
        let reply = try await client.send(method, uri, as: staff, json: json, headers: headers)
        samples.append(
          ResponseSample(
            method: method.rawValue.lowercased(), path: template, status: reply.status,
            contentType: reply.contentType, body: reply.text))
        return reply
      }
      let lar = "eirik.lund"
      _ = try await call(.get, "/health", "/health")
      _ = try await call(.get, "/v1/caseload", "/v1/caseload")
      let created = try await call(
        .post, "/v1/recipients", "/v1/recipients", as: lar,
        json: #"{"name":"Test Fiktiv","nationalId":"\#(RecipientRouteTests.nationalID)"}"#)
      _ = try await call(.post, "/v1/recipients", "/v1/recipients", as: lar, json: "{")
      _ = try await call(.post, "/v1/recipients", "/v1/recipients", as: lar, json: #"{"x":1}"#)
      _ = try await call(
        .post, "/v1/recipients", "/v1/recipients", as: "kim.aas",
        json: #"{"name":"A","nationalId":"\#(nationalID)","service":"lar"}"#)
      let newID = created.json["id"] as? String ?? ""
      _ = try await call(.get, "/v1/recipients/{recipientId}", "/v1/recipients/\(newID)", as: lar)
      _ = try await call(.get, "/v1/recipients/{recipientId}", "/v1/recipients/bad", as: lar)
      _ = try await call(
        .get, "/v1/recipients/{recipientId}", "/v1/recipients/\(recipient)", as: "eva.sand")
      _ = try await call(
        .post, "/v1/recipients/search", "/v1/recipients/search", as: lar,
        json: #"{"nationalId":"\#(nationalID)"}"#)
      _ = try await call(.get, "/v1/caseload", "/v1/caseload?limit=3", as: lar)
      for id in fixture.recipients.prefix(8) {
        _ = try await call(
          .get, "/v1/recipients/{recipientId}/group", "/v1/recipients/\(id)/group",
          as: "siri.fjell")
      }
      let assign = "/v1/recipients/{recipientId}/assign"
      _ = try await call(
        .post, assign, "/v1/recipients/\(recipient)/assign", as: lar,
        json: #"{"staffId":"leif.berg"}"#)
      _ = try await call(
        .post, "/v1/recipients/{recipientId}/unassign", "/v1/recipients/\(recipient)/unassign",
        as: lar, json: #"{"staffId":"leif.berg"}"#)
      _ = try await call(
        .post, "/v1/recipients/{recipientId}/unassign", "/v1/recipients/\(recipient)/unassign",
        as: lar, json: #"{"staffId":"leif.berg"}"#)
      let consents = "/v1/recipients/{recipientId}/consents"
      let consent = try await call(
        .post, consents, "/v1/recipients/\(recipient)/consents", as: lar,
        json: #"{"services":["tsb"],"categories":["plan"],"purpose":"samordning"}"#)
      _ = try await call(
        .post, consents, "/v1/recipients/\(recipient)/consents", as: lar,
        json: #"{"categories":"plan","purpose":"samordning"}"#)
      _ = try await call(.get, consents, "/v1/recipients/\(recipient)/consents", as: lar)
      _ = try await call(.get, "/v1/consents/expiring", "/v1/consents/expiring", as: "leif.berg")
      let consentID = consent.json["id"] as? String ?? ""
      let withdraw = "/v1/consents/{consentId}/withdraw"
      let withdrawURI = "/v1/consents/\(consentID)/withdraw"
      _ = try await call(.post, withdraw, withdrawURI, as: lar)
      _ = try await call(.post, withdraw, withdrawURI, as: lar, headers: [.ifMatch: "\"x\""])
      _ = try await call(
        .post, withdraw, withdrawURI, as: lar, headers: [.ifMatch: "\"\(consentID).1\""])
      let blocks = "/v1/recipients/{recipientId}/blocks"
      let block = try await call(
        .post, blocks, "/v1/recipients/\(recipient)/blocks", as: lar,
        json: #"{"staffId":"leif.berg","reason":"ønsket"}"#)
      _ = try await call(.get, blocks, "/v1/recipients/\(recipient)/blocks", as: lar)
      let blockID = block.json["id"] as? String ?? ""
      _ = try await call(
        .post, "/v1/blocks/{blockId}/lift", "/v1/blocks/\(blockID)/lift", as: lar,
        headers: [.ifMatch: "\"\(blockID).1\""])
      let grant = try await call(
        .post, "/v1/recipients/{recipientId}/break-glass",
        "/v1/recipients/\(tsbRecipient)/break-glass", as: lar, json: #"{"reason":"akutt"}"#)
      _ = try await call(.get, "/v1/break-glass", "/v1/break-glass?pending=false", as: "kim.aas")
      _ = try await call(.get, "/v1/break-glass", "/v1/break-glass", as: lar)
      let grantID = grant.json["id"] as? String ?? ""
      _ = try await call(
        .post, "/v1/break-glass/{grantId}/review", "/v1/break-glass/\(grantID)/review",
        as: "kim.aas", json: #"{"outcome":"questioned","comment":"sjekk"}"#)
      _ = try await call(
        .get, "/v1/recipients/{recipientId}/access-log",
        "/v1/recipients/\(recipient)/access-log", as: lar)
      _ = try await call(.get, "/v1/audit/verify", "/v1/audit/verify", as: "kim.aas")
      let query = #"{"staffId":"eva.sand","action":"view","recipientId":"\#(recipient)"}"#
      _ = try await call(
        .post, "/v1/policy/explain", "/v1/policy/explain", as: "kim.aas", json: query)
      _ = try await call(
        .post, "/v1/policy/who-can", "/v1/policy/who-can", as: "kim.aas", json: query)
      try await overview(
        { try await call($0, $1, $2, as: $3, json: $4, headers: $5) }, recipient: recipient)
      let erasureNationalID =
        NationalID.synthetic(year: 1977, month: 3, day: 9, individual: 233)?.digits ?? ""
      let navRecipient = try await call(
        .post, "/v1/recipients", "/v1/recipients", as: "leif.berg",
        json: #"{"name":"Test Feilregistrert","nationalId":"\#(erasureNationalID)"}"#)
      let navID = navRecipient.json["id"] as? String ?? ""
      let requests = "/v1/recipients/{recipientId}/erasure-requests"
      let requestsURI = "/v1/recipients/\(navID)/erasure-requests"
      _ = try await call(
        .post, requests, requestsURI, as: "leif.berg", json: #"{"ground":"x","reason":"r"}"#)
      let erasure = try await call(
        .post, requests, requestsURI, as: "leif.berg",
        json: #"{"ground":"registered-in-error","reason":"feil fødselsnummer"}"#)
      _ = try await call(
        .post, requests, requestsURI, as: "leif.berg",
        json: #"{"ground":"retention-expired","reason":"utløpt"}"#)
      let erasureID = erasure.json["id"] as? String ?? ""
      let queue = "/v1/erasure-requests"
      _ = try await call(.get, queue, "/v1/erasure-requests?pending=true", as: "kim.aas")
      let approve = "/v1/erasure-requests/{requestId}/approve"
      let approveURI = "/v1/erasure-requests/\(erasureID)/approve"
      _ = try await call(.post, approve, approveURI, as: "leif.berg")
      let hold = "/v1/recipients/{recipientId}/legal-hold"
      _ = try await call(.put, hold, "/v1/recipients/\(navID)/legal-hold", as: "berit.li")
      _ = try await call(.post, approve, approveURI, as: "berit.li")
      _ = try await call(.delete, hold, "/v1/recipients/\(navID)/legal-hold", as: "berit.li")
      _ = try await call(.get, "/v1/retention/due", "/v1/retention/due", as: "berit.li")
      let reject = "/v1/erasure-requests/{requestId}/reject"
      let rejectURI = "/v1/erasure-requests/\(erasureID)/reject"
      _ = try await call(.post, reject, rejectURI, as: "berit.li", json: #"{"reason":""}"#)
      _ = try await call(.post, approve, approveURI, as: "berit.li")
      _ = try await call(
        .get, "/v1/erasure-requests/{requestId}", "/v1/erasure-requests/\(erasureID)",
        as: "kim.aas")
      _ = try await call(.post, reject, rejectURI, as: "berit.li", json: #"{"reason":"nei"}"#)
      _ = try await call(.get, "/openapi.yaml", "/openapi.yaml")
      return samples
    }
  }

  /// The coordinating unit's overview and notices, and the record of processing.
  static func overview(
    _ call: (
      _ method: HTTPRequest.Method, _ template: String, _ uri: String, _ staff: String?,
      _ json: String?, _ headers: HTTPFields
    ) async throws -> HTTPFixture.Reply, recipient: String
  ) async throws {
    let (unit, lar) = ("mari.holt", "eirik.lund")
    _ = try await call(.get, "/v1/overview/plans", "/v1/overview/plans?limit=2", unit, nil, [:])
    _ = try await call(.get, "/v1/overview/plans", "/v1/overview/plans", lar, nil, [:])
    let notice = try await call(
      .post, "/v1/recipients/{recipientId}/notices", "/v1/recipients/\(recipient)/notices", lar,
      #"{"need":"coordinator","note":"Trenger koordinator"}"#, [:])
    let id = notice.json["id"] as? String ?? ""
    _ = try await call(
      .get, "/v1/overview/notices", "/v1/overview/notices?open=true", unit, nil, [:])
    _ = try await call(.get, "/v1/notices/{noticeId}", "/v1/notices/\(id)", unit, nil, [:])
    _ = try await call(
      .post, "/v1/notices/{noticeId}/accept", "/v1/notices/\(id)/accept", unit, nil, [:])
    _ = try await call(
      .post, "/v1/notices/{noticeId}/assign", "/v1/notices/\(id)/assign", "liv.dahl",
      #"{"coordinator":"eirik.lund"}"#, [:])
    _ = try await call(
      .get, "/v1/processing-record", "/v1/processing-record", "kim.aas", nil, [:])
    _ = try await call(
      .get, "/v1/processing-record", "/v1/processing-record?format=md", "kim.aas", nil, [:])
    _ = try await call(.get, "/v1/processing-record", "/v1/processing-record", lar, nil, [:])
  }
}
