import Foundation
import HTTPTypes
import SamhandTestSupport
import Testing

/// `PATCH /v1/recipients/{id}` (a JSON merge patch with If-Match), its versions, and the
/// export of everything held, against the OpenAPI document.
@Suite("Rectification and export over HTTP")
struct RecipientRightsRouteTests {
  static let ifMatch = HTTPField.Name("If-Match")!

  @Test("a merge patch names the version it saw; a stale one is 412, none 428; history kept")
  func patch() async throws {
    let fixture = try HTTPFixture()
    let id = fixture.recipients[1].rawValue
    try await fixture.withClient { client in
      let shown = try await client.send(.get, "/v1/recipients/\(id)", as: "siri.fjell")
      let etag = try #require(shown.headers[.eTag])
      #expect(etag == "\"\(id).1\"")
      #expect(shown.json["version"] as? Int == 1)
      let missing = try await client.send(
        .patch, "/v1/recipients/\(id)", as: "siri.fjell", json: #"{"contact":"+47 1"}"#)
      #expect(missing.status == 428)
      let changed = try await client.send(
        .patch, "/v1/recipients/\(id)", as: "siri.fjell",
        json: #"{"contact":"+47 400 00 010","relatives":[{"name":"Ny Bror","relation":"bror"}]}"#,
        headers: [Self.ifMatch: etag])
      #expect(changed.status == 200, "\(changed.text)")
      #expect(changed.headers[.eTag] == "\"\(id).2\"")
      let stale = try await client.send(
        .patch, "/v1/recipients/\(id)", as: "siri.fjell", json: #"{"contact":null}"#,
        headers: [Self.ifMatch: etag])
      #expect(stale.status == 412, "\(stale.text)")
      let removed = try await client.send(
        .patch, "/v1/recipients/\(id)", as: "siri.fjell", json: #"{"contact":null}"#,
        headers: [Self.ifMatch: "\"\(id).2\""])
      #expect(removed.status == 200, "\(removed.text)")
      let now = try await client.send(.get, "/v1/recipients/\(id)", as: "siri.fjell").json
      #expect(now["contact"] is NSNull)
      #expect((now["relatives"] as? [[String: Any]])?.last?["name"] as? String == "Ny Bror")
      let versions = try await client.send(
        .get, "/v1/recipients/\(id)/versions", as: "siri.fjell")
      let items = try #require(versions.json["items"] as? [[String: Any]])
      #expect(items.map { $0["version"] as? Int } == [1, 2, 3])
      #expect(items[1]["contact"] as? String == "+47 400 00 010")
      #expect(items[2]["contact"] is NSNull)
      let bad = try await client.send(
        .patch, "/v1/recipients/\(id)", as: "siri.fjell",
        json: #"{"name":"Per\u0007Dal"}"#, headers: [Self.ifMatch: "\"\(id).3\""])
      #expect(bad.status == 422, "\(bad.text)")
      let unknown = try await client.send(
        .patch, "/v1/recipients/\(id)", as: "siri.fjell", json: #"{"nationalId":"1"}"#,
        headers: [Self.ifMatch: "\"\(id).3\""])
      #expect(unknown.status == 422, "\(unknown.text)")
      let other = try await client.send(
        .patch, "/v1/recipients/\(id)", as: "leif.berg", json: #"{"name":"X"}"#,
        headers: [Self.ifMatch: "\"\(id).3\""])
      #expect(other.status == 404, "\(other.text)")
    }
  }

  @Test("the export answers the documented JSON schema and a FHIR bundle; innsyn only")
  func export() async throws {
    let fixture = try HTTPFixture()
    let id = fixture.recipients[1].rawValue
    let samples = try await fixture.withClient { client in
      var samples: [ResponseSample] = []
      for format in ["json", "fhir", "md", "html"] {
        let reply = try await client.send(
          .get, "/v1/recipients/\(id)/export?format=\(format)", as: "siri.fjell",
          purpose: "innsyn")
        #expect(reply.status == 200, "\(reply.text)")
        samples.append(
          ResponseSample(
            method: "get", path: "/v1/recipients/{recipientId}/export", status: reply.status,
            contentType: reply.contentType, body: reply.text))
        if format == "fhir" {
          #expect(reply.contentType == "application/fhir+json")
          let report = try FHIRCheck.run(reply.body)
          #expect(report.failures.isEmpty, "\(report.failures)")
        }
        if format == "html" {
          #expect(reply.contentType == "text/html; charset=utf-8")
          #expect(reply.text.hasPrefix("<!DOCTYPE html>") && !reply.text.contains("<script"))
          #expect(reply.text.contains("<h2>Hvem har sett opplysningene dine</h2>"))
        }
      }
      let wrongPurpose = try await client.send(
        .get, "/v1/recipients/\(id)/export", as: "siri.fjell")
      #expect(wrongPurpose.status == 404)
      let caseworker = try await client.send(
        .get, "/v1/recipients/\(id)/export", as: "ola.strand", purpose: "innsyn")
      #expect(caseworker.status == 404)
      let badFormat = try await client.send(
        .get, "/v1/recipients/\(id)/export?format=pdf", as: "siri.fjell", purpose: "innsyn")
      #expect(badFormat.status == 400)
      samples.append(
        ResponseSample(
          method: "get", path: "/v1/recipients/{recipientId}/export", status: badFormat.status,
          contentType: badFormat.contentType, body: badFormat.text))
      let versions = try await client.send(
        .get, "/v1/recipients/\(id)/versions", as: "siri.fjell")
      samples.append(
        ResponseSample(
          method: "get", path: "/v1/recipients/{recipientId}/versions", status: versions.status,
          contentType: versions.contentType, body: versions.text))
      return samples
    }
    let report = try SchemaValidator.validate(samples)
    #expect(report.failures.isEmpty, "\(report.failures)")
    #expect(report.checked == samples.count)
  }
}
