import Foundation
import SamhandCore
import Testing

/// Every key, nested ones included, that a JSON document spells: `a`, `a.b`, `a[].c`.
func keyPaths(_ value: Any, _ prefix: String = "") -> Set<String> {
  if let object = value as? [String: Any] {
    return object.reduce(into: Set<String>()) { paths, entry in
      let path = prefix.isEmpty ? entry.key : "\(prefix).\(entry.key)"
      paths.insert(path)
      paths.formUnion(keyPaths(entry.value, path))
    }
  }
  if let array = value as? [Any] {
    return array.reduce(into: Set<String>()) { $0.formUnion(keyPaths($1, "\(prefix)[]")) }
  }
  return []
}

extension CLIParityTests {
  /// The tsb recipient of the demo: jon.rud holds responsibility, coordinates its active plan
  /// and has sent a handover about them.
  static func tsbRecipient(_ fixture: HTTPFixture) -> RecipientID { fixture.recipients[27] }

  /// `--json` output of the CLI, parsed.
  static func cliJSON(_ fixture: HTTPFixture, _ arguments: [String]) throws -> Any {
    let result = try cli(fixture, arguments + ["--as", "jon.rud", "--json"])
    try #require(result.status == 0, "\(arguments): \(result.stderr)")
    return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
  }

  static func parsed(_ body: Data) -> [String: Any] {
    (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:]
  }

  @Test("handover show, plan show and agenda --json spell every key as HTTP does")
  func sameKeysEverywhere() async throws {
    let fixture = try HTTPFixture()
    let recipient = Self.tsbRecipient(fixture)
    let (handovers, plans, agenda) = try await fixture.withClient { client in
      (
        try await client.send(.get, "/v1/recipients/\(recipient)/handovers", as: "jon.rud").body,
        try await client.send(.get, "/v1/recipients/\(recipient)/plans", as: "jon.rud").body,
        try await client.send(.get, "/v1/agenda", as: "jon.rud").body
      )
    }
    let handover = try #require(
      (Self.parsed(handovers)["items"] as? [[String: Any]])?.first?["id"] as? String)
    let plan = try #require(
      (Self.parsed(plans)["items"] as? [[String: Any]])?.first?["id"] as? String)
    let (shownHandover, shownPlan) = try await fixture.withClient { client in
      (
        try await client.send(.get, "/v1/handovers/\(handover)", as: "jon.rud").body,
        try await client.send(.get, "/v1/plans/\(plan)", as: "jon.rud").body
      )
    }
    let pairs: [(String, Any, Any)] = [
      (
        "handover show", try Self.cliJSON(fixture, ["handover", "show", handover]),
        Self.parsed(shownHandover)
      ),
      ("plan show", try Self.cliJSON(fixture, ["plan", "show", plan]), Self.parsed(shownPlan)),
      ("agenda", try Self.cliJSON(fixture, ["agenda"]), Self.parsed(agenda)),
    ]
    for (command, cli, http) in pairs {
      // `etag` repeats the ETag header for `If-Match`; the CLI names versions (--if-version)
      // with `version`, which both carry.
      let (cliKeys, httpKeys) = (keyPaths(cli), keyPaths(http).subtracting(["etag"]))
      #expect(cliKeys.count >= 5, "\(command): \(cliKeys.sorted())")
      #expect(
        cliKeys == httpKeys,
        "\(command): CLI only \(cliKeys.subtracting(httpKeys).sorted()), HTTP only \(httpKeys.subtracting(cliKeys).sorted())"
      )
    }
  }
}
