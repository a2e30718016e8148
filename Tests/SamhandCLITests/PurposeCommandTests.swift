import Foundation
import GRDB
import SamhandTestSupport
import Testing

/// The CLI states a purpose (`--purpose` or `SAMHAND_PURPOSE`) or is refused; its entries say
/// who ran the command at the OS and under which policy set.
@Suite("CLI: purpose required, OS user and policy digest in entries")
struct PurposeCommandTests {
  static let missing = "r-00000000-0000-4000-8000-000000000000"

  /// `samhand <arguments> --as STAFF --data DATA` with no purpose in the environment.
  func runWithoutPurpose(_ cli: CLIFixture, _ arguments: [String], as staff: String) throws
    -> CommandResult
  {
    try runCommand(CLIFixture.binary, arguments + ["--as", staff, "--data", cli.data.path])
  }

  @Test("without a purpose: exit 1, one line naming --purpose, the same for any recipient")
  func missingPurpose() throws {
    let (cli, recipients) = try CLIFixture.demo()
    // recipients[1] is siri.fjell's service's; recipients[5] barnevern's, hidden from her.
    var answers: [String] = []
    for recipient in [recipients[1], recipients[5], Self.missing] {
      let before = try cli.auditEntryCount()
      let result = try runWithoutPurpose(cli, ["recipient", "show", recipient], as: "siri.fjell")
      #expect(result.status == 1)
      expectRefusal(result, containing: "--purpose")
      #expect(try cli.auditEntryCount() == before + 1, "the denial is audited")
      answers.append(result.stderr)
    }
    #expect(Set(answers).count == 1, "\(answers)")
    let denial = try #require(try Self.lastEntry(cli))
    #expect(denial.decision == "deny")
    let allowedLook = try cli.run(["recipient", "show", recipients[1]], as: "siri.fjell")
    #expect(allowedLook.status == 0, "\(allowedLook.stderr)")
    let flagged = try runWithoutPurpose(
      cli, ["recipient", "show", recipients[1], "--purpose", "oppfølging"], as: "siri.fjell")
    #expect(flagged.status == 0, "\(flagged.stderr)")
  }

  @Test("the denial of a look without a purpose names global-forbid-no-purpose")
  func denialNamesThePolicy() throws {
    let (cli, recipients) = try CLIFixture.demo()
    _ = try runWithoutPurpose(cli, ["recipient", "show", recipients[1]], as: "siri.fjell")
    let entry = try #require(try Self.lastEntry(cli))
    #expect(entry.action == "recipient.show")
    #expect(entry.policies.contains("global-forbid-no-purpose"))
  }

  @Test("a CLI entry records the OS user and the digest of the policies; --policies shows")
  func osUserAndDigest() throws {
    let (cli, recipients) = try CLIFixture.demo()
    let shown = try cli.run(["recipient", "show", recipients[1]], as: "siri.fjell")
    #expect(shown.status == 0, "\(shown.stderr)")
    let entry = try #require(try Self.lastEntry(cli))
    #expect(entry.osUser == Self.osUser)
    let digest = try #require(entry.policyDigest)
    #expect(digest.count == 64 && digest.allSatisfy(\.isHexDigit))

    let elsewhere = cli.temporary.path("elsewhere")
    try FileManager.default.copyItem(at: cli.data.appending(path: "policies"), to: elsewhere)
    try Data("// edited elsewhere\n".utf8).write(to: elsewhere.appending(path: "zz.cedar"))
    let other = try cli.run(
      "recipient", "show", recipients[1], "--as", "siri.fjell", "--policies", elsewhere.path)
    #expect(other.status == 0, "\(other.stderr)")
    let otherDigest = try #require(try Self.lastEntry(cli)?.policyDigest)
    #expect(otherDigest != digest)
    #expect(try cli.run("audit", "verify").status == 0)
  }

  @Test("policy explain and who-can about a recipient are looks in their access log")
  func explainAndWhoCanAreAudited() throws {
    let (cli, recipients) = try CLIFixture.demo()
    let recipient = recipients[1]
    let explain = try cli.run(
      "policy", "explain", "--recipient", recipient, "--principal", "leif.berg",
      "--action", "view", "--category", "plan", "--as", "kim.aas", "--purpose", "tilsyn")
    #expect(explain.status == 0, "\(explain.stderr)")
    #expect(!explain.stdout.isEmpty)
    let whoCan = try cli.run(
      "policy", "who-can", "--recipient", recipient, "--action", "Action::\"view\"",
      "--as", "kim.aas", "--purpose", "tilsyn", "--json")
    #expect(whoCan.status == 0, "\(whoCan.stderr)")
    let principals = try #require(
      (try JSONSerialization.jsonObject(with: Data(whoCan.stdout.utf8)) as? [String: Any])?[
        "principals"] as? [String])
    #expect(principals.contains("Staff::\"siri.fjell\""))
    let log = try cli.rows(["recipient", "access-log", recipient], as: "siri.fjell")
    let looks = log.filter { $0["staffId"] as? String == "kim.aas" }
    #expect(looks.compactMap { $0["action"] as? String } == ["policy.explain", "policy.who-can"])
    #expect(looks.allSatisfy { $0["purpose"] as? String == "tilsyn" })
    #expect(looks.allSatisfy { $0["osUser"] as? String == Self.osUser })
  }

  @Test("policy explain about a recipient without a purpose is refused and audited")
  func explainWithoutPurpose() throws {
    let (cli, recipients) = try CLIFixture.demo()
    let before = try cli.auditEntryCount()
    let result = try runWithoutPurpose(
      cli,
      [
        "policy", "explain", "--recipient", recipients[1], "--principal", "leif.berg",
        "--action", "view",
      ],
      as: "kim.aas")
    expectRefusal(result, containing: "--purpose")
    #expect(try cli.auditEntryCount() == before + 1)
  }

  static var osUser: String {
    if let name = getpwuid(geteuid())?.pointee.pw_name { return String(cString: name) }
    return ProcessInfo.processInfo.environment["USER"] ?? "uid-\(geteuid())"
  }

  struct Entry {
    let action: String
    let decision: String
    let policies: [String]
    let osUser: String?
    let policyDigest: String?
  }

  static func lastEntry(_ cli: CLIFixture) throws -> Entry? {
    try DatabaseQueue(path: cli.database.path).read { db in
      try Row.fetchOne(
        db,
        sql: """
          SELECT action, decision, policy_ids, os_user, policy_digest FROM audit_entries
          ORDER BY sequence DESC LIMIT 1
          """
      ).map { row in
        let ids: String = row[2]
        return Entry(
          action: row[0], decision: row[1], policies: ids.components(separatedBy: "\u{1F}"),
          osUser: row[3], policyDigest: row[4])
      }
    }
  }
}
