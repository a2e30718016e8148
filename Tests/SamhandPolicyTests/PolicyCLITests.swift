import Foundation
import Testing

/// Runs the built `samhand` binary, as operators and external checks do.
@Suite("samhand policy on the command line")
struct PolicyCLITests {
  struct Run {
    let status: Int32
    let stdout: String
    let stderr: String
  }

  static func binary() throws -> URL {
    let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("samhand")
    let inBuild = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent(".build/debug/samhand")
    let found = [besideTests, inBuild].first {
      FileManager.default.isExecutableFile(atPath: $0.path)
    }
    return try #require(found, "the samhand executable was not built next to the tests")
  }

  static func run(_ arguments: [String]) throws -> Run {
    let process = Process()
    process.executableURL = try binary()
    process.arguments = arguments
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(
      status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: stderr, as: UTF8.self))
  }

  func eval(_ sample: SampleDirectory, staff: String, context: String) throws -> Run {
    try Self.run([
      "policy", "eval", "--policies", sample.url.path, "--entities", sample.entitiesPath,
      "--principal", "Staff::\"\(staff)\"", "--action", "Action::\"read\"",
      "--resource", "Recipient::\"r1\"", "--context", context, "--json",
    ])
  }

  @Test("eval --json prints decision, reasons and errors in the shape DESIGN.md fixes")
  func evalJSON() throws {
    let sample = try SampleDirectory()
    defer { sample.remove() }
    let allowed = try eval(sample, staff: "s1", context: "{\"consent\":true,\"purpose\":\"plan\"}")
    #expect(allowed.status == 0)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(allowed.stdout.utf8)) as? [String: Any])
    #expect(object["decision"] as? String == "allow")
    #expect(object["reasons"] as? [String] == ["nav-read"])
    #expect((object["errors"] as? [Any])?.isEmpty == true)
    let denied = try eval(sample, staff: "s3", context: "{\"consent\":true,\"purpose\":\"plan\"}")
    #expect(denied.stdout.contains("\"decision\":\"deny\""))
    #expect(denied.stdout.contains("\"reasons\":[\"blocked\"]"))
  }

  @Test("eval reports erroring policies as objects with policy and message")
  func evalErrors() throws {
    let sample = try SampleDirectory(overrides: ["schema.cedarschema.json": ""])
    defer { sample.remove() }
    let run = try eval(sample, staff: "s1", context: "{}")
    #expect(run.status == 0)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let errors = try #require(object["errors"] as? [[String: String]])
    #expect(errors.compactMap { $0["policy"] } == ["nav-read"])
    #expect(errors.allSatisfy { $0["message"]?.contains("consent") == true })
  }

  @Test("validate accepts the sample and refuses a broken file with one line and exit 1")
  func validate() throws {
    let good = try SampleDirectory()
    defer { good.remove() }
    let ok = try Self.run(["policy", "validate", "--policies", good.url.path])
    #expect(ok.status == 0)
    #expect(ok.stdout.contains("4 policies OK"))
    let bad = try SampleDirectory(overrides: ["x.cedar": "permit(principal, action, resource"])
    defer { bad.remove() }
    let refused = try Self.run(["policy", "validate", "--policies", bad.url.path])
    #expect(refused.status == 1)
    #expect(refused.stderr.split(separator: "\n").count == 1)
    #expect(refused.stderr.contains("x.cedar:1:35"))
  }

  @Test("a malformed uid is one line on stderr and a non-zero exit")
  func badUID() throws {
    let sample = try SampleDirectory()
    defer { sample.remove() }
    let run = try Self.run([
      "policy", "eval", "--policies", sample.url.path, "--entities", sample.entitiesPath,
      "--principal", "Staff:s1", "--action", "Action::\"read\"", "--resource",
      "Recipient::\"r1\"", "--json",
    ])
    #expect(run.status != 0)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr.contains("Staff:s1"))
  }

  @Test("explain and who-can print readable answers")
  func explainAndWhoCan() throws {
    let sample = try SampleDirectory()
    defer { sample.remove() }
    let explain = try Self.run([
      "policy", "explain", "--policies", sample.url.path, "--entities", sample.entitiesPath,
      "--principal", "Staff::\"s2\"", "--action", "Action::\"read\"", "--resource",
      "Recipient::\"r1\"", "--context", "{\"consent\":false,\"purpose\":\"plan\"}",
    ])
    #expect(explain.stdout.hasPrefix("DENY: no permit matched"))
    #expect(explain.stdout.contains("tsb-read (tsb.cedar:1)"))
    let whoCan = try Self.run([
      "policy", "who-can", "--policies", sample.url.path, "--entities", sample.entitiesPath,
      "--action", "Action::\"read\"", "--resource", "Recipient::\"r1\"", "--context",
      "{\"consent\":true,\"purpose\":\"plan\"}", "--json",
    ])
    #expect(whoCan.status == 0)
    #expect(
      whoCan.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        == "{\"principals\":[\"Staff::\\\"s1\\\"\",\"Staff::\\\"s2\\\"\"]}")
  }
}
