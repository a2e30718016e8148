import Foundation
import SamhandPolicy
import Testing

/// The shipped default policies (`policies/`) against the hand-written case table
/// (`Tests/PolicyCases/default-policies.cases.json`): once through this engine, once through
/// the Cedar reference implementation, so the policies, the engine and the table agree.
@Suite("Default policies against their case table")
struct DefaultPolicyCasesTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  static let casesURL = root.appending(path: "Tests/PolicyCases/default-policies.cases.json")

  struct CaseFile: Decodable {
    struct Case: Decodable {
      let name: String
      let principal: String
      let action: String
      let resource: String
      let expected: String
      let reasons: [String]
    }
    let cases: [Case]
  }

  @Test("the default policy set loads and validates against its schema")
  func loads() throws {
    let set = try PolicySet.load(directory: Self.root.appending(path: "policies"))
    #expect(set.policies.count >= 30)
    #expect(set.schema != nil)
  }

  @Test("every case gets the expected decision and reasons from this engine")
  func casesThroughEngine() throws {
    let set = try PolicySet.load(directory: Self.root.appending(path: "policies"))
    let data = try Data(contentsOf: Self.casesURL)
    let file = try JSONDecoder().decode(CaseFile.self, from: data)
    let raw = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let entities = try Entities(
      json: try JSONSerialization.data(withJSONObject: try #require(raw["entities"])))
    let contexts = try #require(raw["cases"] as? [[String: Any]]).map {
      try JSONSerialization.data(withJSONObject: $0["context"] ?? [String: Any]())
    }
    #expect(file.cases.count >= 120)
    for (index, testCase) in file.cases.enumerated() {
      let request = AuthorizationRequest(
        principal: try EntityUID(parsing: testCase.principal),
        action: try EntityUID(parsing: testCase.action),
        resource: try EntityUID(parsing: testCase.resource),
        context: try CedarValue.record(json: contexts[index]))
      let decision = set.isAuthorized(request, entities: entities)
      #expect(
        decision.isAllowed == (testCase.expected == "allow"), "\(testCase.name): \(decision)")
      #expect(
        decision.reasons.map(\.rawValue).sorted() == testCase.reasons.sorted(), "\(testCase.name)")
      #expect(decision.errors.isEmpty, "\(testCase.name): \(decision.errors)")
    }
  }

  @Test("the Cedar reference implementation agrees with the same table")
  func casesThroughReference() throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", Self.root.appending(path: "Tests/PolicyCases/check_with_cedarpy.py").path,
    ]
    process.currentDirectoryURL = Self.root
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(
      process.terminationStatus == 0, "\(text)\n(needs cedarpy: run the tests with ops/test.sh)")
    #expect(text.contains(" 0 failed"), "\(text)")
  }
}
