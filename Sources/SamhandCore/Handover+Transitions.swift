/// Where a handover stands.
public enum HandoverState: String, Sendable, Codable, CaseIterable {
  case draft, proposed, accepted, rejected, withdrawn, completed

  /// No further event applies.
  public var isFinal: Bool { self == .rejected || self == .withdrawn || self == .completed }
}

/// What someone does to a handover.
public enum HandoverEvent: Sendable, Equatable {
  case propose
  case accept
  case reject(reason: String)
  case withdraw
  case complete

  public var name: String {
    switch self {
    case .propose: return "propose"
    case .accept: return "accept"
    case .reject: return "reject"
    case .withdraw: return "withdraw"
    case .complete: return "complete"
    }
  }
}

/// How the actor stands to the handover: the sending side, the receiving side, or neither.
public enum HandoverParty: String, Sendable, CaseIterable {
  case sender, receiver, thirdParty = "third-party"
}

/// A transition the rules do not allow, said so that the user knows what to do instead.
public enum HandoverError: Error, Equatable, Sendable, CustomStringConvertible {
  case unknownKind(String)
  case unknownRejectionCategory(String)
  case illegalTransition(from: HandoverState, event: String)
  case notYours(event: String, party: HandoverParty)
  case reasonRequired
  case selfHandover
  case plannedDateInPast

  public var description: String {
    switch self {
    case .unknownKind(let text):
      let known = HandoverKind.allCases.map(\.rawValue).joined(separator: ", ")
      return "unknown handover kind '\(text)' (known: \(known))"
    case .unknownRejectionCategory(let text):
      let known = HandoverRejectionCategory.allCases.map(\.rawValue).joined(separator: ", ")
      return "unknown rejection category '\(text)' (known: \(known))"
    case .illegalTransition(let state, let event):
      return "a handover that is \(state.rawValue) cannot be \(Self.past(event))"
    case .notYours(let event, let party):
      let who = event == "propose" || event == "withdraw" ? "sending" : "receiving"
      return "only the \(who) side may \(event) this handover (you are the \(party.rawValue))"
    case .reasonRequired:
      return "a rejection needs a reason, so the sender knows what to do next"
    case .selfHandover:
      return "a handover needs a receiver other than the sender"
    case .plannedDateInPast:
      return "the planned date is in the past"
    }
  }

  private static func past(_ event: String) -> String {
    switch event {
    case "propose": return "proposed"
    case "accept": return "accepted"
    case "reject": return "rejected"
    case "withdraw": return "withdrawn"
    default: return "completed"
    }
  }
}

extension HandoverState {
  /// The state after `event` by `party`, or the reason it is not allowed. Only the sender
  /// proposes and withdraws; only the receiver accepts, rejects and completes; a third party
  /// does nothing.
  public func applying(_ event: HandoverEvent, by party: HandoverParty) throws(HandoverError)
    -> HandoverState
  {
    let next: HandoverState
    let allowedParty: HandoverParty
    switch (self, event) {
    case (.draft, .propose):
      (next, allowedParty) = (.proposed, .sender)
    case (.proposed, .accept):
      (next, allowedParty) = (.accepted, .receiver)
    case (.proposed, .reject(let reason)):
      guard !reason.trimmingSpaces.isEmpty else { throw .reasonRequired }
      (next, allowedParty) = (.rejected, .receiver)
    case (.draft, .withdraw), (.proposed, .withdraw):
      (next, allowedParty) = (.withdrawn, .sender)
    case (.accepted, .complete):
      (next, allowedParty) = (.completed, .receiver)
    default:
      throw .illegalTransition(from: self, event: event.name)
    }
    guard party == allowedParty else { throw .notYours(event: event.name, party: party) }
    return next
  }

  /// Whether the sender still holds responsibility (invariant 6): until acceptance, always.
  public var senderHoldsResponsibility: Bool {
    switch self {
    case .draft, .proposed, .rejected, .withdrawn: return true
    case .accepted, .completed: return false
    }
  }
}

extension Handover {
  /// Proposed fewer than `minimumDays` before the planned date, for kinds where that matters.
  public func isLateNotice(minimumDays: Int) -> Bool {
    kind.isLateNotice(proposedOn: proposedOn, plannedDate: plannedDate, minimumDays: minimumDays)
  }

  /// Not accepted by its planned date: overdue for both sides from the day after.
  public func isOverdue(on today: CalendarDate) -> Bool {
    state.isOverdue(plannedDate: plannedDate, on: today)
  }
}

extension HandoverKind {
  /// The late-notice rule on the dates alone, for handovers counted without their parties.
  public func isLateNotice(proposedOn: CalendarDate?, plannedDate: CalendarDate, minimumDays: Int)
    -> Bool
  {
    guard flagsLateNotice, let proposedOn else { return false }
    return plannedDate < proposedOn.adding(days: minimumDays)
  }
}

extension HandoverState {
  /// The overdue rule on the state and planned date alone.
  public func isOverdue(plannedDate: CalendarDate, on today: CalendarDate) -> Bool {
    (self == .draft || self == .proposed) && plannedDate < today
  }
}
