import Foundation
import SamhandCore
import SamhandService
import Testing

@Suite("Erasure and the policy set at start")
struct ErasureAndPolicyLoadTests {
  @Test("erasure is gated and audited, and the recipient then reads as erased")
  func erasure() throws {
    let fixture = try ServiceFixture()
    let coordinator = ServiceFixture.actor("phr.coordinator")
    _ = try fixture.consent(["nav"], [.identity])
    #expect(throws: ServiceError.self) {
      try fixture.service.eraseRecipient(
        fixture.recipient, as: ServiceFixture.actor("nav.caseworker"), options: .followUp)
    }
    try fixture.service.eraseRecipient(fixture.recipient, as: coordinator, options: .followUp)
    #expect(try fixture.lastEntry(action: "recipient.erase")?.decision == "allow")
    let erased = try fixture.service.showRecipient(
      fixture.recipient, as: coordinator, options: .followUp)
    #expect(erased.isErased)
    #expect(erased.relatives.allSatisfy { $0.name == .erased })
    let consents = try fixture.service.consents(
      of: fixture.recipient, as: coordinator, options: .followUp)
    #expect(consents.count == 1)
    #expect(consents.allSatisfy { $0.purpose == .erased })
    #expect(throws: ServiceError.self) {
      try fixture.service.findRecipient(
        nationalID: fixture.nationalID.digits, as: coordinator, options: .followUp)
    }
  }

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
