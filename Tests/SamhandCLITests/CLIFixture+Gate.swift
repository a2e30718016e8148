import Foundation
import SamhandTestSupport
import Testing

/// Helpers for the gated commands: acting as a staff member, reading `--json` output and
/// taking the counts a refusal must leave alone.
extension CLIFixture {
  /// Synthetic national ids (month + 80) with valid check digits, and one with a broken one.
  static let nationalIDs = ["12838540056", "12838540137", "12838540218", "12838540560"]
  static let brokenNationalID = "12838540057"

  /// `samhand <arguments> [--as STAFF] --data DATA`.
  func run(_ arguments: [String], as staff: String? = nil) throws -> CommandResult {
    let actor = staff.map { ["--as", $0] } ?? []
    return try runCommand(
      Self.binary, arguments + actor + ["--data", data.path], environment: Self.purpose)
  }

  /// Runs with `--json`, requires exit 0, and returns the parsed output.
  func json(
    _ arguments: [String], as staff: String? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> Any {
    let result = try run(arguments + ["--json"], as: staff)
    try #require(
      result.status == 0, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
    return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
  }

  /// The `"id"` a creating command prints with `--json`.
  func created(
    _ arguments: [String], as staff: String? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> String {
    let object = try json(arguments, as: staff, sourceLocation: sourceLocation)
    return try #require(
      (object as? [String: Any])?["id"] as? String, sourceLocation: sourceLocation)
  }

  /// The rows of a listing command's `--json` output.
  func rows(
    _ arguments: [String], as staff: String? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> [[String: Any]] {
    let value = try json(arguments, as: staff, sourceLocation: sourceLocation)
    return try #require(value as? [[String: Any]], sourceLocation: sourceLocation)
  }

  /// `status --json` counts: recipients, staff, services, audit entries.
  func counts() throws -> Counts {
    let status = try #require(try json(["status"]) as? [String: Any])
    let counts = try #require(status["counts"] as? [String: Any])
    return Counts(
      recipients: counts["recipients"] as? Int ?? -1, staff: counts["staff"] as? Int ?? -1,
      services: counts["services"] as? Int ?? -1, auditEntries: counts["auditEntries"] as? Int ?? -1
    )
  }

  struct Counts: Equatable {
    var recipients: Int
    var staff: Int
    var services: Int
    var auditEntries: Int

    func adding(audit entries: Int) -> Counts {
      var next = self
      next.auditEntries += entries
      return next
    }
  }

  /// A fresh copy of the demo municipality; the recipient ids in creation order, so index
  /// `i` was registered by demo service `i % 8` (0 nav, 1 psykisk-helse-rus, ...).
  static func demo() throws -> (cli: CLIFixture, recipients: [String]) {
    let template = try DemoTemplate.shared.get()
    let cli = try CLIFixture(initialised: false)
    try FileManager.default.copyItem(at: template.fixture.data, to: cli.data)
    return (cli, template.recipients)
  }

  /// Registers a recipient in siri.fjell's service (psykisk-helse-rus) with a consent that
  /// covers NAV for identity, plan and group; returns the recipient and consent ids.
  func registerWithNAVConsent(nationalID: String) throws -> (recipient: String, consent: String) {
    let recipient = try created(
      ["recipient", "add", "--name", "Per Sletta", "--national-id", nationalID], as: "siri.fjell")
    let consent = try created(
      [
        "consent", "add", "--recipient", recipient, "--services", "nav",
        "--categories", "identity,plan,group",
      ], as: "siri.fjell")
    return (recipient, consent)
  }
}

/// `samhand demo` run once per test process; each test works on its own copy, which costs
/// milliseconds where the demo itself costs a third of a second of CPU.
struct DemoTemplate: Sendable {
  let fixture: CLIFixture
  let recipients: [String]

  static let shared = Result { try DemoTemplate() }

  private init() throws {
    fixture = try CLIFixture(initialised: false)
    let result = try runCommand(CLIFixture.binary, ["demo", "--json", "--data", fixture.data.path])
    guard result.status == 0,
      let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        as? [String: Any],
      let recipients = object["recipients"] as? [[String: Any]]
    else { throw CLIFixture.FixtureError.initFailed(result.stderr) }
    self.recipients = recipients.compactMap { $0["id"] as? String }
  }
}

/// Expects a clean refusal: non-zero exit, one stderr line containing `text`, nothing on
/// stdout.
func expectRefusal(
  _ result: CommandResult, containing text: String,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(result.status != 0, "expected a refusal", sourceLocation: sourceLocation)
  #expect(result.errorLines.count == 1, "\(result.stderr)", sourceLocation: sourceLocation)
  #expect(result.stderr.contains(text), "\(result.stderr)", sourceLocation: sourceLocation)
  #expect(result.stdout.isEmpty, "\(result.stdout)", sourceLocation: sourceLocation)
}
