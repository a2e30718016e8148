import Foundation
import SamhandCore
import SamhandService
import Testing

@Suite("Sealed at rest, through the use cases")
struct ServiceCanaryTests {
  @Test("consent text, contact data, next of kin and reasons never reach the files in plaintext")
  func canary() throws {
    let fixture = try ServiceFixture()
    let marker = "Kanari" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12)
    let coordinator = ServiceFixture.actor("phr.coordinator")
    let nationalID = try #require(
      NationalID.synthetic(year: 1968, month: 10, day: 2, individual: 40))
    let id = try fixture.service.registerRecipient(
      name: "\(marker)-name", nationalID: nationalID.digits, contact: "\(marker)-contact",
      relatives: [
        NewRelative(
          name: "\(marker)-kin", relation: "\(marker)-relation", contact: "\(marker)-kinphone"),
        NewRelative(name: "\(marker)-child", relation: "datter", isChild: true),
      ], as: coordinator, options: .followUp)
    _ = try fixture.service.addConsent(
      recipient: id, scope: .init(services: [ServiceCode("nav")], categories: [.identity]),
      purpose: "\(marker)-purpose", documentReference: "\(marker)-document", as: coordinator,
      options: .followUp)
    _ = try fixture.service.addBlock(
      recipient: id, target: .service(ServiceCode("tsb")), reason: "\(marker)-blockreason",
      as: coordinator, options: .followUp)
    let grant = try fixture.service.breakGlass(
      recipient: id, reason: "\(marker)-emergency", as: ServiceFixture.actor("gp.clinician"),
      options: .followUp)
    try fixture.service.reviewBreakGlass(
      grant.id, outcome: .accepted, comment: "\(marker)-review",
      as: ServiceFixture.actor("phr.auditor"), options: .followUp)
    let shown = try fixture.service.showRecipient(id, as: coordinator, options: .followUp)
    #expect(shown.relatives.map(\.name.value) == ["\(marker)-kin", "\(marker)-child"])
    #expect(shown.relatives.map(\.isChild) == [false, true])
    let backup = fixture.temporary.path("copy.db")
    try fixture.service.backup(to: backup, by: "test")
    let database = fixture.databaseURL
    for file in [database, URL(fileURLWithPath: database.path + "-wal"), backup] {
      let bytes = try Data(contentsOf: file)
      #expect(bytes.range(of: Data(marker.utf8)) == nil, "\(marker) in \(file.lastPathComponent)")
      #expect(bytes.range(of: Data(nationalID.digits.utf8)) == nil)
    }
  }
}
