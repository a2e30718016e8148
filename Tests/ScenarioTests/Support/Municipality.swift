import Foundation
import SamhandTestSupport
import Testing

/// The demo municipality in its own temporary data directory, driven through the built
/// `samhand` binary as one staff member at a time, the way a scenario is told.
struct Municipality {
  let temporary: TemporaryDirectory
  let data: URL
  /// Demo recipient ids in creation order: index `i` was registered by the `i % 8`th demo
  /// service (0 nav, 1 psykisk-helse-rus, 2 fastlege, 3 tsb, ...).
  let recipients: [String]
  static let binary = BuildProducts.executable("samhand")
  /// The purpose every command states (none is filled in).
  static let purpose = ["SAMHAND_PURPOSE": "follow-up"]

  init() throws {
    temporary = try TemporaryDirectory("samhand-scenario")
    data = temporary.path("data")
    let demo = try runCommand(Self.binary, ["demo", "--json", "--data", data.path])
    try #require(demo.status == 0, "demo: \(demo.stderr)")
    recipients = try JSONDecoder().decode(DemoOutput.self, from: Data(demo.stdout.utf8))
      .recipients.map(\.id)
  }

  private struct DemoOutput: Decodable {
    struct Reference: Decodable { let id: String }
    let recipients: [Reference]
  }

  /// `samhand <arguments> --as STAFF --data DATA`; `staff` nil runs as the operator.
  func run(_ staff: String?, _ arguments: String...) throws -> CommandResult {
    try run(staff, arguments)
  }

  func run(_ staff: String?, _ arguments: [String]) throws -> CommandResult {
    let actor = staff.map { ["--as", $0] } ?? []
    return try runCommand(
      Self.binary, arguments + actor + ["--data", data.path], environment: Self.purpose)
  }

  /// Runs with `--json` as `staff`, requires success and decodes the output.
  func decode<Value: Decodable>(
    _ type: Value.Type, _ staff: String?, _ arguments: String...,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> Value {
    try decode(type, staff, arguments, sourceLocation: sourceLocation)
  }

  func decode<Value: Decodable>(
    _ type: Value.Type, _ staff: String?, _ arguments: [String],
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> Value {
    let actor = staff.map { ["--as", $0] } ?? []
    let result = try runCommand(
      Self.binary, arguments + actor + ["--json", "--data", data.path],
      environment: Self.purpose)
    try #require(
      result.status == 0, "\(arguments) as \(staff ?? "operator"): \(result.stderr)",
      sourceLocation: sourceLocation)
    return try JSONDecoder().decode(Value.self, from: Data(result.stdout.utf8))
  }

  /// The id a creating command prints with `--json`.
  struct Created: Decodable { let id: String }

  /// One line of `recipient access-log --json`.
  struct AccessLogLine: Decodable, Equatable {
    let time: String
    let staffID: String
    let staffName: String?
    let service: String?
    let action: String
    let purpose: String?
    let breakGlass: Bool
    let allowed: Bool

    enum CodingKeys: String, CodingKey {
      case time, staffName, service, action, purpose, breakGlass, allowed
      case staffID = "staffId"
    }
  }

  func accessLog(of recipient: String, as staff: String) throws -> [AccessLogLine] {
    try decode([AccessLogLine].self, staff, "recipient", "access-log", recipient)
  }
}

/// What a denied look at a recipient must read like: exactly a missing one, in one line.
func expectNoRecipient(
  _ result: CommandResult, _ id: String, sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(result.status != 0, "expected a denial", sourceLocation: sourceLocation)
  #expect(result.errorLines == ["Error: no recipient \(id)"], sourceLocation: sourceLocation)
  #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
}
