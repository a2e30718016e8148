import Foundation
import HTTPTypes
import SamhandCore
import Testing

extension HandoverRoutesTests {
  @Test("a draft is sent with If-Match by its sender; with the consent gone, 409 and unsent")
  func sendDraft() async throws {
    let fixture = try HTTPFixture()
    try await fixture.withClient { client in
      let http = Recorder(client)
      let body =
        #"{"kind":"relocation","mode":"referral","toStaffId":"leif.berg","plannedDate":"\#(planned(days: 9))","draft":true}"#
      let id = try await propose(http, fixture, body)
      let send = "/v1/handovers/{handoverId}/send"
      let path = "/v1/handovers/\(id)/send"
      #expect(try await http.call(.post, send, path, as: "jon.rud").status == 428)
      #expect(
        try await http.call(.post, send, path, as: "leif.berg", ifMatch: "\"\(id).1\"").status
          == 404)
      let sent = try await http.call(.post, send, path, as: "jon.rud", ifMatch: "\"\(id).1\"")
      #expect(sent.status == 200, "\(sent.text)")
      #expect(sent.headers[.eTag] == "\"\(id).2\"")
      let shown = try await http.call(
        .get, "/v1/handovers/{handoverId}", "/v1/handovers/\(id)", as: "leif.berg")
      #expect((shown.json["handover"] as? [String: Any])?["state"] as? String == "proposed")

      let second = try await propose(http, fixture, body)
      let consents = try await client.send(
        .get, "/v1/recipients/\(recipient(fixture))/consents", as: "jon.rud")
      for consent in try #require(consents.json["items"] as? [[String: Any]]) {
        let (consentID, etag) = (consent["id"] as? String ?? "", consent["etag"] as? String ?? "")
        let withdrawn = try await client.send(
          .post, "/v1/consents/\(consentID)/withdraw", as: "jon.rud", headers: [.ifMatch: etag])
        #expect(withdrawn.status == 204, "\(withdrawn.text)")
      }
      let refused = try await http.call(
        .post, send, "/v1/handovers/\(second)/send", as: "jon.rud", ifMatch: "\"\(second).1\"")
      #expect(refused.status == 409, "\(refused.text)")
      #expect(refused.text.contains("consent does not cover service nav"), "\(refused.text)")
      try http.checkSchemas()
    }
  }
}
