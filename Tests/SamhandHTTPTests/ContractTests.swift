import Foundation
import HTTPTypes
import SamhandHTTP
import Testing

/// The OpenAPI document is the contract: no route without spec, no spec without route, and
/// the bodies the routes send match the schemas the document gives for them.
@Suite("OpenAPI contract")
struct ContractTests {
  /// `METHOD /path` for every operation in the document, read from its `paths:` section.
  static func specOperations() -> [String] {
    var operations: [String] = []
    var path: String?
    var inPaths = false
    for line in OpenAPIDocument.text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line == "paths:" {
        inPaths = true
      } else if inPaths, let first = line.first, first != " " {
        inPaths = false
      } else if inPaths, line.hasPrefix("  /"), !line.hasPrefix("   ") {
        path = String(line.dropFirst(2).dropLast())
      } else if inPaths, let path, line.hasPrefix("    "), !line.hasPrefix("     "),
        let method = ["get", "post", "put", "patch", "delete"].first(where: { line == "    \($0):" }
        )
      {
        operations.append("\(method.uppercased()) \(path)")
      }
    }
    return operations
  }

  @Test("every route is in the spec and every spec operation is a route")
  func routesEqualSpec() throws {
    let fixture = try HTTPFixture()
    let spec = Self.specOperations()
    #expect(spec.count >= 20)
    #expect(Set(fixture.api.operations) == Set(spec))
    #expect(fixture.api.operations.count == Set(fixture.api.operations).count)
  }

  @Test("every route in the table is served: open ones answer 200, the others 401 without a token")
  func routesAreServed() async throws {
    let fixture = try HTTPFixture()
    let sample = "00000000-0000-4000-8000-000000000000"
    try await fixture.withClient { client in
      for operation in fixture.api.operations {
        let parts = operation.split(separator: " ", maxSplits: 1).map(String.init)
        let uri = parts[1].replacingOccurrences(of: "{recipientId}", with: "r-\(sample)")
          .replacingOccurrences(of: "{consentId}", with: "c-\(sample)")
          .replacingOccurrences(of: "{blockId}", with: "b-\(sample)")
          .replacingOccurrences(of: "{grantId}", with: "bg-\(sample)")
        let reply = try await client.send(HTTPRequest.Method(parts[0]) ?? .get, uri)
        let open = ["/health", "/openapi.yaml"].contains(uri)
        #expect(reply.status == (open ? 200 : 401), "\(operation)")
      }
    }
  }

  @Test("every $ref in the document resolves, into the components section its place needs")
  func referencesResolve() throws {
    let report = try ReferenceChecker.check(OpenAPIDocument.text)
    #expect(report.checked >= 600)
    #expect(report.failures.isEmpty, "\(report.failures.joined(separator: "\n"))")
  }

  @Test("the reference check finds a missing target, a wrong section and an outside document")
  func referenceCheckCanFail() throws {
    let document = """
      openapi: 3.1.0
      paths:
        /v1/reports:
          get:
            parameters:
              - $ref: '#/components/headers/ReportFrom'
              - $ref: '#/components/parameters/ReportTo'
            responses:
              '200': {$ref: '#/components/schemas/Report'}
              default:
                description: problem
                content:
                  application/json:
                    schema: {$ref: 'other.yaml#/Problem'}
      components:
        headers:
          ReportFrom: {schema: {type: string}}
        schemas:
          Report:
            type: object
            properties:
              rows: {type: array, items: {$ref: '#/components/schemas/Row'}}
      """
    let report = try ReferenceChecker.check(document)
    #expect(report.checked == 5)
    let expected = [
      "#/components/headers/ReportFrom is used as parameters",
      "#/components/parameters/ReportTo does not resolve",
      "#/components/schemas/Report is used as responses",
      "other.yaml#/Problem leaves the document",
      "#/components/schemas/Row does not resolve",
    ]
    #expect(report.failures.count == expected.count, "\(report.failures)")
    for text in expected {
      #expect(report.failures.contains { $0.contains(text) }, "\(text): \(report.failures)")
    }
  }

  @Test("/openapi.yaml serves the embedded document")
  func servesDocument() async throws {
    let fixture = try HTTPFixture()
    try await fixture.withClient { client in
      let reply = try await client.send(.get, "/openapi.yaml")
      #expect(reply.text == OpenAPIDocument.text)
      #expect(reply.text.hasPrefix("openapi: 3.1"))
    }
  }

  @Test("response bodies of every route, success and error, validate against their schemas")
  func responsesMatchSchemas() async throws {
    let fixture = try HTTPFixture()
    let samples = try await ResponseTour.run(fixture)
    #expect(samples.count >= 30)
    let statuses = Set(samples.map(\.status))
    #expect(statuses.isSuperset(of: [200, 201, 204, 400, 401, 403, 404, 409, 412, 422, 428]))
    let report = try SchemaValidator.validate(samples)
    #expect(report.failures.isEmpty, "\(report.failures.joined(separator: "\n"))")
    #expect(report.checked == samples.count)
  }
}
