import Foundation
import SamhandCore
import SamhandStore

/// Handovers between services (invariant 6): propose, send a draft, accept, reject, withdraw, complete,
/// show and list. Every step goes through the gate on the recipient's `handover` record and
/// is audited, refusals included. Until the receiving side accepts, the sender's side keeps
/// responsibility; accepting a transfer moves it — holder, every open plan's coordinator —
/// in the transaction that records the acceptance.
extension SamhandService {
  /// Proposes a handover (or keeps it as a draft). The receiver must be covered by the
  /// recipient's live consent (identity and handover) for their service; a refusal names
  /// what is missing. Returns the new handover's id and version.
  public func proposeHandover(
    _ proposal: HandoverProposal, as actor: Actor, options: RequestOptions
  ) throws -> Versioned<HandoverID> {
    let propose = request(actor, .create, "handover.propose", options)
    let today = CalendarDate.today(clock)
    let checked = try gate.validated(propose) { try proposal.checked(by: actor.staffID, on: today) }
    let recipient = proposal.recipient
    return try gate.write(
      propose, notFound: Self.noRecipient(recipient),
      resolve: { _ in .record(recipient, .handover) },
      perform: { transaction, _ in
        let parties = try HandoverParties.resolve(
          proposal, checked, sender: actor.staffID, in: transaction)
        let holder = try transaction.responsibility(of: recipient)
        if checked.mode == .transfer {
          try parties.checkTransfer(from: holder, in: transaction)
        }
        try parties.checkConsent(of: recipient, on: today, in: transaction)
        let id = try parties.insert(
          proposal, checked, holder: holder, on: today, in: transaction)
        return Versioned(id: id, version: 1)
      })
  }

  /// Sends a draft: proposes it now, checking now what proposing checks, since consent,
  /// responsibility and staff may all have changed since the draft was made. The named
  /// receiver must still be active and covered by the recipient's live consent; a transfer
  /// must be the sender's to propose against the current holder, who is recorded for the
  /// acceptance to compare against.
  @discardableResult
  public func sendHandover(
    _ id: HandoverID, expectedVersion: Int? = nil, as actor: Actor, options: RequestOptions
  ) throws -> Versioned<HandoverID> {
    try changeHandover(
      id, .propose, expectedVersion: expectedVersion,
      request(actor, .update, "handover.propose", options)
    ) { transaction, record, _ in
      let handover = record.handover
      let parties = try HandoverParties.current(handover, in: transaction)
      if handover.mode == .transfer {
        let holder = try transaction.responsibility(of: handover.recipientID)
        try parties.checkTransfer(from: holder, in: transaction)
        try transaction.recordHolderAtProposal(of: id, holder?.staff)
      }
      try parties.checkConsent(
        of: handover.recipientID, on: CalendarDate.today(clock), in: transaction)
    }
  }

  /// The receiving side accepts. A transfer moves responsibility to the named receiver (or
  /// to the accepting staff member when only a service was named), in the same transaction.
  @discardableResult
  public func acceptHandover(
    _ id: HandoverID, expectedVersion: Int? = nil, as actor: Actor, options: RequestOptions
  ) throws -> Versioned<HandoverID> {
    try changeHandover(
      id, .accept, expectedVersion: expectedVersion,
      request(actor, .update, "handover.accept", options)
    ) { transaction, record, _ in
      let handover = record.handover
      guard handover.mode == .transfer else { return }
      let holder = try transaction.responsibility(of: handover.recipientID)
      guard holder?.staff == record.holderAtProposal else {
        let now = holder?.staff?.rawValue ?? holder?.service.rawValue ?? "nobody"
        throw ServiceError.conflict(
          "responsibility for \(handover.recipientID) has moved to \(now) since this transfer "
            + "was proposed; the sender should withdraw it and propose again")
      }
      try transaction.moveResponsibility(
        of: handover.recipientID, to: handover.toStaff ?? actor.staffID,
        service: handover.toService, handover: handover.id, by: actor.staffID)
    }
  }

  /// The receiving side declines, with a reason the sender can act on and a category the
  /// municipality counts (L30); responsibility stays.
  @discardableResult
  public func rejectHandover(
    _ id: HandoverID, category: HandoverRejectionCategory, reason: String,
    expectedVersion: Int? = nil, as actor: Actor,
    options: RequestOptions
  ) throws -> Versioned<HandoverID> {
    let reject = request(actor, .update, "handover.reject", options)
    let text = reason.trimmingCharacters(in: .whitespacesAndNewlines)
    try gate.validated(reject) {
      guard !text.isEmpty else {
        throw ServiceError.invalid(HandoverError.reasonRequired.description)
      }
    }
    return try changeHandover(
      id, .reject(reason: text), expectedVersion: expectedVersion, reject, reason: text,
      rejectionCategory: category)
  }

  /// The sending side takes a draft or proposed handover back; responsibility stays.
  @discardableResult
  public func withdrawHandover(
    _ id: HandoverID, reason: String? = nil, expectedVersion: Int? = nil, as actor: Actor,
    options: RequestOptions
  ) throws -> Versioned<HandoverID> {
    let text = reason?.trimmingCharacters(in: .whitespacesAndNewlines)
    return try changeHandover(
      id, .withdraw, expectedVersion: expectedVersion,
      request(actor, .update, "handover.withdraw", options),
      reason: text?.isEmpty == false ? text : nil)
  }

  /// The receiving side marks an accepted handover done.
  @discardableResult
  public func completeHandover(
    _ id: HandoverID, expectedVersion: Int? = nil, as actor: Actor, options: RequestOptions
  ) throws -> Versioned<HandoverID> {
    try changeHandover(
      id, .complete, expectedVersion: expectedVersion,
      request(actor, .update, "handover.complete", options))
  }

  /// The handover with its notes, reason, checklist and history.
  public func showHandover(_ id: HandoverID, as actor: Actor, options: RequestOptions)
    throws -> HandoverRecord
  {
    try gateHandover(id, request(actor, .view, "handover.show", options)) { transaction in
      try Self.record(id, in: transaction)
    }
  }

  /// The recipient's handovers, oldest first.
  public func handovers(
    of recipient: RecipientID, as actor: Actor, options: RequestOptions
  ) throws -> [Handover] {
    try gate.read(
      request(actor, .view, "handover.list", options), notFound: Self.noRecipient(recipient),
      resolve: { _ in .record(recipient, .handover) },
      read: { transaction, _ in try transaction.handovers(of: recipient) })
  }

  /// Who holds responsibility for the recipient now (invariant 6); read through the
  /// `handover` record, which every party to a handover has consent for.
  public func responsibilityHolder(
    of recipient: RecipientID, as actor: Actor, options: RequestOptions
  ) throws -> Responsibility {
    try gate.write(
      request(actor, .view, "responsibility.show", options), notFound: Self.noRecipient(recipient),
      resolve: { _ in .record(recipient, .handover) },
      perform: { transaction, _ in
        guard let holder = try transaction.responsibility(of: recipient) else {
          throw Self.noRecipient(recipient)
        }
        return holder
      })
  }
}

extension SamhandService {
  /// A gated request about one handover: routed to its recipient's `handover` record. A
  /// denial reads exactly like a handover that does not exist.
  func gateHandover<T>(
    _ id: HandoverID, _ request: GateRequest, perform: (StoreTransaction) throws -> T
  ) throws -> T {
    let notFound = Self.noHandover(id)
    return try hidingRecipient(notFound) {
      try gate.perform(
        request, readingIfView: notFound,
        resolve: { try $0.recipientID(ofHandover: id).map { .record($0, .handover) } },
        perform: { transaction, _ in try perform(transaction) })
    }
  }

  /// A gated state change: version checked, the actor's side found, the state machine asked,
  /// the change recorded as a new version, then `then` run in the same transaction.
  func changeHandover(
    _ id: HandoverID, _ event: HandoverEvent, expectedVersion: Int?, _ request: GateRequest,
    reason: String? = nil, rejectionCategory: HandoverRejectionCategory? = nil,
    then: (StoreTransaction, HandoverRecord, Int) throws -> Void = { _, _, _ in }
  ) throws -> Versioned<HandoverID> {
    try gateHandover(id, request) { transaction in
      let record = try Self.record(id, in: transaction)
      try Self.checkVersion(expectedVersion, current: record.version, of: "handover \(id)")
      let party = try HandoverParties.party(
        of: request.actor.staffID, in: record.handover, transaction: transaction)
      let next = try Self.transition { () throws(HandoverError) in
        try record.handover.state.applying(event, by: party)
      }
      let version = try transaction.recordHandoverChange(
        record.handover, event: event.name, to: next, reason: reason,
        rejectionCategory: rejectionCategory,
        acceptedBy: event == .accept ? request.actor.staffID : nil,
        proposedOn: event == .propose ? CalendarDate.today(clock) : nil, by: request.actor.staffID)
      try then(transaction, record, version)
      return Versioned(id: id, version: version)
    }
  }

  static func record(_ id: HandoverID, in transaction: StoreTransaction) throws -> HandoverRecord {
    guard let record = try transaction.handover(id) else { throw noHandover(id) }
    return record
  }

  static func noHandover(_ id: HandoverID) -> ServiceError {
    .notFound(kind: "handover", id: id.rawValue)
  }

  /// Runs the state machine, reporting an illegal step as a conflict, the wrong side as
  /// forbidden and bad input as invalid.
  static func transition<T>(_ body: () throws(HandoverError) -> T) throws(ServiceError) -> T {
    do {
      return try body()
    } catch {
      switch error {
      case .illegalTransition: throw .conflict(error.description)
      case .notYours: throw .forbidden(error.description)
      default: throw .invalid(error.description)
      }
    }
  }
}
