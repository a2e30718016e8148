import Foundation

/// Runs `Tests/FHIR/check_bundle.py` on an exported FHIR bundle: fhir.resources' R4B models
/// (installed by `ops/test.sh`), every reference resolving inside the bundle.
public enum FHIRCheck {
  public struct Report: Decodable, Sendable {
    /// Resource types in the bundle, with counts.
    public let types: [String: Int]
    public let references: Int
    public let failures: [String]
  }

  static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appending(path: "FHIR/check_bundle.py")

  public static func run(_ bundle: Data) throws -> Report {
    let folder = try TemporaryDirectory("samhand-fhir")
    let file = folder.path("bundle.json")
    try bundle.write(to: file)
    let result = try runCommand(
      URL(fileURLWithPath: "/usr/bin/env"), ["python3", script.path, file.path])
    guard let report = try? JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8))
    else { throw NoReport(output: result.stdout + result.stderr) }
    return report
  }

  /// The checker printed no report: python3 or fhir.resources is missing, or it crashed.
  public struct NoReport: Error, CustomStringConvertible {
    public let output: String
    public var description: String {
      "no report from check_bundle.py (needs fhir.resources: run ops/test.sh):\n\(output)"
    }
  }
}
