import Foundation
import SamhandPolicy

/// Runs cedarpy's `is_authorized_batch` on the same corpus in the same run: policies and
/// entities parsed once into handles, requests decided in batches, timed inside Python.
enum CedarpyBaseline {
  struct Result {
    let nanosecondsPerDecision: Double
    let allowed: Int
    let version: String
  }

  static let script = """
    import json, sys, time
    import cedarpy
    from importlib.metadata import version
    d = sys.argv[1]
    policies = cedarpy.PolicySet.from_str(open(d + "/policies.cedar").read())
    entities = cedarpy.Entities.from_json_str(open(d + "/entities.json").read())
    requests = json.load(open(d + "/requests.json"))
    batch, rounds = 1000, int(sys.argv[2])
    cedarpy.is_authorized_batch(requests[:batch], policies, entities)
    allowed, count = 0, 0
    start = time.perf_counter_ns()
    for _ in range(rounds):
        for i in range(0, len(requests), batch):
            for r in cedarpy.is_authorized_batch(requests[i:i + batch], policies, entities):
                allowed += r.allowed
                count += 1
    elapsed = time.perf_counter_ns() - start
    print(json.dumps({"ns": elapsed / count, "allowed": allowed // rounds,
                      "version": version("cedarpy")}))
    """

  static func run(_ corpus: Corpus, rounds: Int) throws -> Result {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("policy-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try Data(corpus.policyText.utf8).write(to: directory.appendingPathComponent("policies.cedar"))
    let entities = "[" + corpus.entities.map(\.jsonText).joined(separator: ",\n") + "]"
    try Data(entities.utf8).write(to: directory.appendingPathComponent("entities.json"))
    let requests = corpus.requests.map { request in
      "{\"principal\":\(request.principal.jsonText),\"action\":\(request.action.jsonText),"
        + "\"resource\":\(request.resource.jsonText),"
        + "\"context\":\(CedarValue.jsonText(record: request.context))}"
    }
    try Data(("[" + requests.joined(separator: ",\n") + "]").utf8)
      .write(to: directory.appendingPathComponent("requests.json"))
    let scriptURL = directory.appendingPathComponent("baseline.py")
    try Data(script.utf8).write(to: scriptURL)

    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", scriptURL.path, directory.path, String(rounds)]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0,
      let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
      let nanoseconds = object["ns"] as? Double, let allowed = object["allowed"] as? Int
    else {
      throw BenchError.baselineFailed(status: process.terminationStatus)
    }
    return Result(
      nanosecondsPerDecision: nanoseconds, allowed: allowed,
      version: object["version"] as? String ?? "?")
  }
}

/// Why the benchmark could not produce a comparison.
enum BenchError: Error, CustomStringConvertible {
  case baselineFailed(status: Int32)
  case disagreement(samhand: Int, cedarpy: Int)

  var description: String {
    switch self {
    case .baselineFailed(let status):
      "the cedarpy baseline failed (exit \(status)); run `pip install cedarpy`"
    case .disagreement(let samhand, let cedarpy):
      "SamhandPolicy allowed \(samhand) requests but cedarpy allowed \(cedarpy) on the same corpus"
    }
  }
}
