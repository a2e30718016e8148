import Foundation
import SamhandCore
import SamhandService
import Testing

/// Shorthands for plan and group tests on top of `ServiceFixture`.
extension ServiceFixture {
  static let coordinator = actor("phr.coordinator")
  static let nav = actor("nav.caseworker")

  /// A draft plan of the fixture's recipient, coordinated by phr.coordinator.
  func draftPlan() throws -> PlanID {
    try service.createPlan(
      recipient: recipient, coordinator: StaffID(rawValue: "phr.coordinator"),
      content: try PlanContentChange(ownWords: "Jeg vil ha egen leilighet"),
      as: Self.coordinator, options: .followUp)
  }

  /// An active plan, on a consent covering nav and psykisk-helse-rus for plan and group.
  func activePlan(services: [String] = ["nav", "psykisk-helse-rus"]) throws -> (PlanID, ConsentID) {
    let consent = try self.consent(services, [.identity, .plan, .group])
    let plan = try draftPlan()
    try service.activatePlan(plan, as: Self.coordinator, options: .followUp)
    return (plan, consent)
  }

  /// Expects `body` to be refused with a message containing `message`, writing nothing but
  /// the audit entry of the attempt.
  func expectRefused(
    _ message: String, sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () throws -> Void
  ) throws {
    let data = try dataSnapshot()
    let entries = try auditCount()
    do {
      try body()
      Issue.record("accepted (\(message))", sourceLocation: sourceLocation)
    } catch {
      #expect("\(error)".contains(message), "\(error)", sourceLocation: sourceLocation)
    }
    #expect(try dataSnapshot() == data, sourceLocation: sourceLocation)
    #expect(try auditCount() == entries + 1, sourceLocation: sourceLocation)
  }
}
