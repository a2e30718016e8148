import Foundation
import SamhandCore
import SamhandService
import Testing

@Suite("The policy set at start")
struct PolicyLoadTests {
  @Test("an invalid policy set in the data directory refuses to start, naming the problem")
  func invalidPoliciesRefused() throws {
    let fixture = try ServiceFixture()
    let data = fixture.temporary.path("data")
    let file = data.appending(path: "policies/nav.cedar")
    let original = try String(contentsOf: file, encoding: .utf8)
    try (original + "\npermit (principal, action, resource) when { resource.nosuch };\n")
      .write(to: file, atomically: true, encoding: .utf8)
    do {
      _ = try SamhandService.open(dataDirectory: data)
      Issue.record("an invalid policy set was accepted")
    } catch let error as ServiceError {
      guard case .policiesUnavailable(let message) = error else {
        Issue.record("unexpected \(error)")
        return
      }
      #expect(message.contains("nav.cedar"))
    }
    try "permit (principal, action, resource) when { ;".write(
      to: file, atomically: true, encoding: .utf8)
    #expect(throws: ServiceError.self) { try SamhandService.open(dataDirectory: data) }
  }
}
