import Foundation
import Testing

@Suite("Bad input is a 4xx problem naming the field, never a 500")
struct BadInputTests {
  struct Case: Sendable, CustomStringConvertible {
    let name: String
    let body: String
    let status: Int
    let field: String?
    var description: String { name }
  }

  static let cases: [Case] = [
    Case(name: "malformed JSON", body: #"{"name": "#, status: 400, field: nil),
    Case(name: "not an object", body: "[1,2]", status: 422, field: ""),
    Case(
      name: "unknown field", body: #"{"name":"A","nationalId":"1","colour":"red"}"#, status: 422,
      field: "colour"),
    Case(name: "wrong type", body: #"{"name":7,"nationalId":"1"}"#, status: 422, field: "name"),
    Case(name: "missing field", body: #"{"name":"A"}"#, status: 422, field: "nationalId"),
    Case(
      name: "unknown nested field",
      body: #"{"name":"A","nationalId":"1","relatives":[{"name":"B","relation":"x","age":3}]}"#,
      status: 422, field: "relatives.0.age"),
    Case(
      name: "bad national id", body: #"{"name":"A","nationalId":"123"}"#, status: 422, field: nil),
    Case(name: "empty body", body: "", status: 400, field: nil),
  ]

  @Test("a bad registration body is refused with the documented status", arguments: cases)
  func badBody(_ badCase: Case) async throws {
    let fixture = try HTTPFixture()
    try await fixture.withClient { client in
      let reply = try await client.send(
        .post, "/v1/recipients", as: "eirik.lund", json: badCase.body)
      #expect(reply.status == badCase.status)
      #expect(reply.contentType == "application/problem+json")
      if let field = badCase.field { #expect(reply.json["field"] as? String == field) }
    }
  }

  @Test("an oversized body is a 413")
  func oversized() async throws {
    let fixture = try HTTPFixture()
    try await fixture.withClient { client in
      let name = String(repeating: "a", count: 70_000)
      let reply = try await client.send(
        .post, "/v1/recipients", as: "eirik.lund", json: #"{"name":"\#(name)","nationalId":"1"}"#)
      #expect(reply.status == 413)
      #expect(reply.json["type"] as? String == "urn:samhand:problem:body-too-large")
    }
  }

  @Test("a malformed id in the path is a 400 naming the parameter")
  func badID() async throws {
    let fixture = try HTTPFixture()
    try await fixture.withClient { client in
      let reply = try await client.send(.get, "/v1/recipients/not-an-id", as: "eirik.lund")
      #expect(reply.status == 400)
      #expect(reply.json["field"] as? String == "recipientId")
    }
  }

  @Test("an unknown route is a 404 problem")
  func unknownRoute() async throws {
    let fixture = try HTTPFixture()
    try await fixture.withClient { client in
      let reply = try await client.send(.get, "/v1/nothing-here", as: "eirik.lund")
      #expect(reply.status == 404)
      #expect(reply.contentType == "application/problem+json")
    }
  }
}
