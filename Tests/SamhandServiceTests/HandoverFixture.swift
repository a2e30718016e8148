import Foundation
import SamhandCore
import SamhandService
import Testing

/// Shorthands for handover tests on top of `ServiceFixture`: the recipient is registered by
/// phr.coordinator, who therefore holds responsibility until a transfer is accepted.
extension ServiceFixture {
  static let holder = StaffID(rawValue: "phr.coordinator")

  func today(plus days: Int = 0) -> CalendarDate {
    CalendarDate.today(clock).adding(days: days)
  }

  /// A proposal for the fixture's recipient.
  func proposal(
    _ kind: String = "discharge-to-aftercare", mode: String = "referral", to staff: String?,
    service: String? = nil, inDays days: Int = 30, notes: String? = nil
  ) -> HandoverProposal {
    HandoverProposal(
      recipient: recipient, kind: kind, mode: mode, toStaff: staff.map(StaffID.init(rawValue:)),
      toService: service, plannedDate: today(plus: days).description, notes: notes)
  }

  /// Proposes as phr.coordinator; returns the handover id.
  func propose(
    _ kind: String = "discharge-to-aftercare", mode: String = "referral", to staff: String?,
    service: String? = nil, inDays days: Int = 30, as actor: Actor = Self.coordinator
  ) throws -> HandoverID {
    try self.service.proposeHandover(
      proposal(kind, mode: mode, to: staff, service: service, inDays: days), as: actor,
      options: .followUp
    ).id
  }

  func holder(as actor: Actor = Self.coordinator) throws -> StaffID? {
    try service.responsibilityHolder(of: recipient, as: actor, options: .followUp).staff
  }

  func canSee(_ staff: String, _ handover: HandoverID) -> Bool {
    (try? service.showHandover(handover, as: Self.actor(staff), options: .followUp)) != nil
  }
}
