import Foundation
import SamhandPolicy

/// Runs `Reference/cedar_reference.py` (cedarpy, the Rust reference underneath) on cases.
struct ReferenceHarness {
  struct Outcome: Equatable, CustomStringConvertible {
    let decision: String
    let reasons: Set<String>
    let errored: Set<String>

    var description: String {
      "\(decision) reasons=\(reasons.sorted()) errored=\(errored.sorted())"
    }
  }

  struct CaseResult {
    let parseError: Bool
    let entitiesError: Bool
    let outcomes: [Outcome]
  }

  struct Failure: Error, CustomStringConvertible {
    let description: String
  }

  static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Reference/cedar_reference.py")

  func run(_ cases: [DifferentialCase]) throws -> [CaseResult] {
    try Self.decode(run(input: Self.encode(cases), validate: false))
  }

  /// Cedar's validator on policy texts against one schema: (parse error, valid) per text.
  func validate(_ texts: [String], schema: String) throws -> [(parseError: Bool, valid: Bool)] {
    let input =
      "["
      + texts.map { text in
        "{\"policies\":\(CedarValue.string(text).jsonText),"
          + "\"schema\":\(CedarValue.string(schema).jsonText)}"
      }.joined(separator: ",\n") + "]"
    let data = try run(input: input, validate: true)
    guard let results = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] else {
      throw Failure(description: "validation results are not a list")
    }
    return results.map {
      (parseError: $0["parse_error"] as? Bool ?? false, valid: $0["valid"] as? Bool ?? false)
    }
  }

  private func run(input text: String, validate: Bool) throws -> Data {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("samhand-cedar-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let input = directory.appendingPathComponent("cases.json")
    let output = directory.appendingPathComponent("results.json")
    try Data(text.utf8).write(to: input)

    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments =
      ["python3", Self.script.path] + (validate ? ["--validate"] : []) + [input.path, output.path]
    let errors = Pipe()
    process.standardError = errors
    do {
      try process.run()
    } catch {
      throw Failure(
        description: "cannot start python3 (\(error)); run the tests with "
          + "ops/test.sh, which installs cedarpy into .venv")
    }
    let stderr = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw Failure(
        description: "the cedarpy reference harness failed (exit "
          + "\(process.terminationStatus)): \(String(decoding: stderr, as: UTF8.self)) — "
          + "the differential test needs cedarpy: run it with ops/test.sh")
    }
    return try Data(contentsOf: output)
  }

  static func encode(_ cases: [DifferentialCase]) -> String {
    let items = cases.map { item in
      "{\"policies\":\(CedarValue.string(item.policyText).jsonText),"
        + "\"entities\":\(CedarJSON.entities(item.entities)),"
        + "\"requests\":[\(item.requests.map(CedarJSON.request).joined(separator: ","))]}"
    }
    return "[" + items.joined(separator: ",\n") + "]"
  }

  private static func decode(_ data: Data) throws -> [CaseResult] {
    guard let cases = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] else {
      throw Failure(description: "results.json is not a list of cases")
    }
    return cases.map { item in
      let outcomes = (item["results"] as? [[String: Any]] ?? []).map { result in
        Outcome(
          decision: result["decision"] as? String ?? "?",
          reasons: Set(result["reasons"] as? [String] ?? []),
          errored: Set(result["errored"] as? [String] ?? []))
      }
      return CaseResult(
        parseError: item["parse_error"] as? Bool ?? false,
        entitiesError: item["entities_error"] as? Bool ?? false, outcomes: outcomes)
    }
  }
}
