import Foundation
import SamhandCore
import SamhandService
import Testing

/// The fixture's municipality with a coordinating unit: a coordinator, a leader, a clinician
/// (who keeps no overview) and an auditor, and a second recipient registered by NAV.
extension ServiceFixture {
  static let unitCoordinator = actor("ke.coordinator")
  static let unitLeader = actor("ke.leader")

  func addCoordinatingUnit() throws {
    let unit = try ServiceCode("koordinerende-enhet")
    try service.addService(unit, name: "Koordinerende enhet", by: Self.osUser)
    let people: [(String, StaffRole)] = [
      ("ke.coordinator", .coordinator), ("ke.leader", .leader), ("ke.clinician", .clinician),
      ("ke.auditor", .auditor),
    ]
    for (id, role) in people {
      try service.addStaff(
        id: StaffID(rawValue: id), name: "Test \(id)", services: [unit], roles: [role],
        by: Self.osUser)
    }
  }

  /// A recipient registered by NAV, with a draft plan coordinated by nav.caseworker.
  func navRecipientWithPlan() throws -> (RecipientID, PlanID) {
    let nationalID = try #require(
      NationalID.synthetic(year: 1985, month: 11, day: 3, individual: 456))
    let recipient = try service.registerRecipient(
      name: "Fiktiv Navbruker", nationalID: nationalID.digits, as: Self.nav, options: .followUp)
    let plan = try service.createPlan(
      recipient: recipient, coordinator: StaffID(rawValue: "nav.caseworker"),
      content: try PlanContentChange(ownWords: "Jeg vil i arbeid"), as: Self.nav,
      options: .followUp)
    return (recipient, plan)
  }
}
