import Foundation
import SamhandCore
import SamhandStore

/// The two sides of a handover as the store knows them, and the rules about who they may be:
/// a real, active receiver in a real service, covered by the recipient's consent; a transfer
/// proposed by whoever holds responsibility (or a leader of their service, when the holder has
/// left) and never to the holder themselves.
struct HandoverParties {
  let sender: Staff
  let fromService: ServiceCode
  let receiver: Staff?
  let toService: ServiceCode

  /// The roles that give care staff of a receiving service its side of a handover.
  static let careRoles: Set<StaffRole> = [.caseworker, .coordinator, .leader, .clinician]

  static func resolve(
    _ proposal: HandoverProposal, _ checked: HandoverProposal.Checked, sender id: StaffID,
    in transaction: StoreTransaction
  ) throws -> HandoverParties {
    guard let sender = try transaction.staff(id) else { throw ServiceError.unauthenticated }
    var receiver: Staff?
    if let toStaff = proposal.toStaff {
      guard let staff = try transaction.staff(toStaff), staff.active else {
        throw ServiceError.invalid("unknown or deactivated staff member '\(toStaff)'")
      }
      receiver = staff
    }
    let toService: ServiceCode
    if let code = checked.toService {
      guard try transaction.serviceExists(code) else {
        throw ServiceError.invalid("unknown service '\(code)'")
      }
      if let receiver, !receiver.services.contains(code) {
        throw ServiceError.invalid("\(receiver.id) does not work in service \(code)")
      }
      toService = code
    } else if let receiver, receiver.services.count == 1, let only = receiver.services.first {
      toService = only
    } else {
      throw ServiceError.invalid("name the receiving service (--to-service)")
    }
    let holderService = try transaction.responsibility(of: proposal.recipient)?.service
    let fromService =
      holderService.flatMap { sender.services.contains($0) ? $0 : nil } ?? sender.services.first
    guard let fromService else { throw ServiceError.invalid("\(id) belongs to no service") }
    return HandoverParties(
      sender: sender, fromService: fromService, receiver: receiver, toService: toService)
  }

  /// The parties of a stored handover as they stand now: a named receiver deactivated since
  /// it was drafted is refused, so that no one is sent a handover they can never accept.
  static func current(_ handover: Handover, in transaction: StoreTransaction) throws
    -> HandoverParties
  {
    guard let sender = try transaction.staff(handover.fromStaff) else {
      throw ServiceError.unauthenticated
    }
    var receiver: Staff?
    if let toStaff = handover.toStaff {
      guard let staff = try transaction.staff(toStaff), staff.active else {
        throw ServiceError.conflict(
          "\(toStaff) has been deactivated since the draft was made; withdraw it and propose "
            + "to someone else")
      }
      receiver = staff
    }
    return HandoverParties(
      sender: sender, fromService: handover.fromService, receiver: receiver,
      toService: handover.toService)
  }

  /// A transfer moves responsibility from its holder: only they (or a leader of the holding
  /// service, or its care staff when no one is named) may propose it, and not to the holder.
  func checkTransfer(from holder: Responsibility?, in transaction: StoreTransaction) throws {
    guard let holder else { return }
    if let receiver, receiver.id == holder.staff {
      throw ServiceError.invalid(
        "\(receiver.id) already holds responsibility; \(HandoverError.selfHandover)")
    }
    let inHoldingService = sender.services.contains(holder.service)
    let mayPropose =
      holder.staff == sender.id
      || (inHoldingService && sender.roles.contains(.leader))
      || (holder.staff == nil && inHoldingService
        && !Self.careRoles.isDisjoint(with: sender.roles))
    guard mayPropose else {
      let who = holder.staff?.rawValue ?? "service \(holder.service)"
      throw ServiceError.conflict(
        "only the holder of responsibility (\(who)) or a leader of \(holder.service) may "
          + "propose a transfer; propose a referral instead")
    }
  }

  /// The receiver must be covered by a live consent for identity and handover (their service,
  /// or them in person), unless their service registered the recipient.
  func checkConsent(
    of recipient: RecipientID, on today: CalendarDate, in transaction: StoreTransaction
  ) throws {
    guard try transaction.registeringService(of: recipient) != toService else { return }
    let scopes = try transaction.liveConsentScopes(of: recipient, on: today)
    let missing = [InformationCategory.identity, .handover].filter { category in
      !scopes.contains { scope in
        scope.covers(category)
          && (scope.services.contains(toService)
            || receiver.map { scope.staff.contains($0.id) } ?? false)
      }
    }
    guard !missing.isEmpty else { return }
    let list = missing.map(\.rawValue).joined(separator: " and ")
    throw ServiceError.conflict(
      "the recipient's consent does not cover service \(toService) for \(list); "
        + "record a consent that covers it first")
  }

  /// Stores the checked proposal from the sender, as a draft or proposed on `today`, with its
  /// kind's checklist; a transfer records `holder` so that its acceptance can check that
  /// responsibility has not moved since. Returns the new handover's id.
  func insert(
    _ proposal: HandoverProposal, _ checked: HandoverProposal.Checked, holder: Responsibility?,
    on today: CalendarDate, in transaction: StoreTransaction
  ) throws -> HandoverID {
    let handover = Handover(
      id: .generate(), recipientID: proposal.recipient,
      kind: checked.kind, mode: checked.mode, fromStaff: sender.id, fromService: fromService,
      toStaff: proposal.toStaff, toService: toService, plannedDate: checked.planned,
      proposedOn: proposal.draft ? nil : today, state: proposal.draft ? .draft : .proposed)
    try transaction.insertHandover(
      .init(
        handover: handover, notes: checked.notes,
        holderAtProposal: checked.mode == .transfer ? holder?.staff : nil,
        checklist: try transaction.checklistTemplate(checked.kind)), by: sender.id)
    return handover.id
  }

  /// How `actor` stands to `handover`: the sender; the receiver (named, or care staff of the
  /// receiving service when no one is named); or a third party.
  static func party(
    of actor: StaffID, in handover: Handover, transaction: StoreTransaction
  ) throws -> HandoverParty {
    if actor == handover.fromStaff { return .sender }
    if let named = handover.toStaff { return actor == named ? .receiver : .thirdParty }
    guard let staff = try transaction.staff(actor) else { return .thirdParty }
    let inService = staff.services.contains(handover.toService)
    return inService && !careRoles.isDisjoint(with: staff.roles) ? .receiver : .thirdParty
  }
}
