import Foundation
import SamhandTestSupport
import Testing

/// The CLI and HTTP expose the same use cases with the same shapes and the same rules.
@Suite("CLI and HTTP agree")
struct CLIParityTests {
  /// `samhand <arguments> --data <the fixture's data directory>`, stating a purpose.
  static func cli(_ fixture: HTTPFixture, _ arguments: [String]) throws -> CommandResult {
    try runCommand(
      BuildProducts.executable("samhand"),
      arguments + ["--data", fixture.temporary.path("data").path],
      environment: ["SAMHAND_PURPOSE": "follow-up"])
  }

  @Test("recipient show --json has the keys of the HTTP representation of the same recipient")
  func sameKeys() async throws {
    let fixture = try HTTPFixture()
    let recipient = fixture.larRecipient
    let http = try await fixture.withClient { client in
      try await client.send(.get, "/v1/recipients/\(recipient)", as: "eirik.lund")
    }.json
    let shown = try Self.cli(
      fixture, ["recipient", "show", recipient.rawValue, "--as", "eirik.lund", "--json"])
    try #require(shown.status == 0, "\(shown.stderr)")
    let cli = try #require(
      try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
    #expect(Set(cli.keys) == Set(http.keys))
    #expect(http.keys.contains("nationalId"))
    #expect(cli["nationalId"] as? String == http["nationalId"] as? String)
    let relativeKeys = { (object: [String: Any]) in
      Set(((object["relatives"] as? [[String: Any]]) ?? []).flatMap(\.keys))
    }
    #expect(relativeKeys(cli) == relativeKeys(http))
    let listed = try Self.cli(fixture, ["recipient", "list", "--as", "eirik.lund", "--json"])
    let rows = try #require(
      try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
    #expect(rows.allSatisfy { Set($0.keys) == Set(http.keys) })
  }

  @Test(
    "a name that is too long or holds control characters is refused by both",
    arguments: [String(repeating: "a", count: 300), "Per\u{7}Dal", "Per\nDal"])
  func sameNameRule(name: String) async throws {
    let fixture = try HTTPFixture()
    let nationalID = RecipientRouteTests.nationalID
    let body = try JSONSerialization.data(withJSONObject: ["name": name, "nationalId": nationalID])
    let reply = try await fixture.withClient { client in
      try await client.send(
        .post, "/v1/recipients", as: "eirik.lund", json: String(decoding: body, as: UTF8.self))
    }
    #expect(reply.status == 422, "\(reply.text)")
    let added = try Self.cli(
      fixture,
      ["recipient", "add", "--name", name, "--national-id", nationalID, "--as", "eirik.lund"])
    #expect(added.status == 1)
    #expect(added.errorLines.count == 1, "\(added.stderr)")
    #expect(added.stderr.contains("name"), "\(added.stderr)")
  }
}
