import Foundation
import SamhandCore
import SamhandStore

/// Notices to the coordinating unit (DOMAIN L8, helsepersonelloven §38a): a service that has a
/// recipient in its care tells the unit they may need an individual plan or a coordinator;
/// the unit takes the notice up and appoints a coordinator. Appointing someone other than the
/// holder of responsibility proposes a coordinator-change handover to them, so the
/// coordinator changes only when they accept (invariants 5 and 6).
extension SamhandService {
  /// Sends a notice; needs what writing to the recipient's plan needs (a care relationship,
  /// and across services a consent covering `plan`). `need` is `plan` or `coordinator`; the
  /// note is sealed under the recipient's data key.
  public func sendNotice(
    recipient: RecipientID, need: String, note: String? = nil, as actor: Actor,
    options: RequestOptions
  ) throws -> NoticeID {
    let send = request(actor, .create, "notice.send", options)
    let (parsed, text) = try gate.validated(send) {
      let parsed = try Self.noticeStep { () throws(NoticeError) in try Notice.Need(parsing: need) }
      let text = note?.trimmingCharacters(in: .whitespacesAndNewlines)
      return (parsed, text?.isEmpty == false ? text : nil)
    }
    return try gate.write(
      send, notFound: Self.noRecipient(recipient), resolve: { _ in .record(recipient, .plan) },
      perform: { transaction, _ in
        guard let sender = try transaction.staff(actor.staffID) else {
          throw ServiceError.unauthenticated
        }
        let registeredBy = try transaction.registeringService(of: recipient)
        let service =
          registeredBy.flatMap { sender.services.contains($0) ? $0 : nil } ?? sender.services.first
        guard let service else {
          throw ServiceError.invalid("\(actor.staffID) belongs to no service")
        }
        return try transaction.insertNotice(
          recipient: recipient, need: parsed, note: text, from: actor.staffID, service: service)
      })
  }

  /// One notice, for the coordinating unit: read under the policy action `overview`, like the
  /// intake list. A denial reads like a notice that does not exist.
  public func showNotice(_ id: NoticeID, as actor: Actor, options: RequestOptions) throws
    -> Notice
  {
    let notFound = ServiceError.notFound(kind: "notice", id: id.rawValue)
    return try hidingRecipient(notFound) {
      try gate.read(
        request(actor, .overview, "notice.show", options), notFound: notFound,
        resolve: { try $0.recipientID(ofNotice: id).map { .record($0, .plan) } },
        read: { transaction, _ in
          guard let notice = try transaction.notice(id) else { throw notFound }
          return notice
        })
    }
  }

  /// The coordinating unit takes an open notice up.
  public func acceptNotice(_ id: NoticeID, as actor: Actor, options: RequestOptions) throws
    -> Notice
  {
    try gateNotice(id, request(actor, .coordinate, "notice.accept", options)) {
      transaction, notice in
      _ = try Self.noticeStep { () throws(NoticeError) in try notice.status.accepting() }
      guard try transaction.acceptNotice(id, by: actor.staffID) else {
        throw ServiceError.conflict("notice \(id) has been taken up meanwhile; reload it")
      }
    }
  }

  /// The coordinating unit appoints `coordinator` for the notice's recipient (forskrift om
  /// habilitering og rehabilitering, individuell plan og koordinator; helse- og
  /// omsorgstjenesteloven §7-3). If they already hold responsibility, that is recorded; if
  /// not, a coordinator-change transfer to them is proposed from the unit, dated today, and
  /// responsibility (with every open plan's coordinator) moves only when they accept it. The
  /// recipient's consent must cover the appointee's service, as for any handover.
  public func assignNoticeCoordinator(
    _ id: NoticeID, coordinator: StaffID, as actor: Actor, options: RequestOptions
  ) throws -> Notice {
    let today = CalendarDate.today(clock)
    return try gateNotice(id, request(actor, .coordinate, "notice.assign", options)) {
      transaction, notice in
      _ = try Self.noticeStep { () throws(NoticeError) in try notice.status.assigning() }
      let holder = try transaction.responsibility(of: notice.recipientID)
      var handover: HandoverID?
      if holder?.staff != coordinator {
        let proposal = HandoverProposal(
          recipient: notice.recipientID, kind: HandoverKind.coordinatorChange.rawValue,
          mode: HandoverMode.transfer.rawValue, toStaff: coordinator,
          plannedDate: today.description)
        let checked = try proposal.checked(by: actor.staffID, on: today)
        let parties = try HandoverParties.resolve(
          proposal, checked, sender: actor.staffID, in: transaction)
        try parties.checkConsent(of: notice.recipientID, on: today, in: transaction)
        handover = try parties.insert(
          proposal, checked, holder: holder, on: today, in: transaction)
      } else if try transaction.staff(coordinator)?.active != true {
        throw ServiceError.invalid("unknown or deactivated staff member '\(coordinator)'")
      }
      guard
        try transaction.assignNotice(
          id, coordinator: coordinator, handover: handover, by: actor.staffID)
      else {
        throw ServiceError.conflict("notice \(id) has been given a coordinator meanwhile")
      }
    }
  }

  /// A gated change of one notice by the coordinating unit (policy action `coordinate`, on the
  /// recipient's `plan` record): `change` runs on the notice as it stands, and the notice is
  /// answered as it stands afterwards. A denial reads like a notice that does not exist.
  private func gateNotice(
    _ id: NoticeID, _ request: GateRequest,
    change: (StoreTransaction, Notice) throws -> Void
  ) throws -> Notice {
    let notFound = ServiceError.notFound(kind: "notice", id: id.rawValue)
    return try hidingRecipient(notFound) {
      try gate.write(
        request, notFound: notFound,
        resolve: { try $0.recipientID(ofNotice: id).map { .record($0, .plan) } },
        perform: { transaction, _ in
          guard let notice = try transaction.notice(id) else { throw notFound }
          try change(transaction, notice)
          guard let changed = try transaction.notice(id) else { throw notFound }
          return changed
        })
    }
  }

  /// Runs a notice rule, reporting a step out of order as a conflict and bad input as invalid.
  static func noticeStep<T>(_ body: () throws(NoticeError) -> T) throws(ServiceError) -> T {
    do {
      return try body()
    } catch {
      switch error {
      case .unknownNeed: throw .invalid(error.description)
      case .alreadyTakenUp: throw .conflict(error.description)
      }
    }
  }
}
