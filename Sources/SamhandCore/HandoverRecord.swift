import Foundation

/// A handover as it stands in the store: the handover itself with its version (for If-Match),
/// the sealed notes and reason opened (or erased), its checklist and its history. Exists so
/// that `show` answers everything staff need to act on a handover in one read.
public struct HandoverRecord: Sendable, Equatable, Encodable {
  public let handover: Handover
  public let version: Int
  public let notes: Protected<String?>
  /// The rejection or withdrawal reason.
  public let reason: Protected<String?>
  /// Why it was rejected, in the fixed vocabulary; nil unless rejected with a category.
  public let rejectionCategory: HandoverRejectionCategory?
  /// For a transfer: who held responsibility when it was proposed.
  public let holderAtProposal: StaffID?
  public let acceptedBy: StaffID?
  public let checklist: [HandoverChecklistEntry]
  public let history: [HandoverHistoryEntry]

  public init(
    handover: Handover, version: Int, notes: Protected<String?>, reason: Protected<String?>,
    rejectionCategory: HandoverRejectionCategory?, holderAtProposal: StaffID?,
    acceptedBy: StaffID?, checklist: [HandoverChecklistEntry], history: [HandoverHistoryEntry]
  ) {
    self.handover = handover
    self.version = version
    self.notes = notes
    self.reason = reason
    self.rejectionCategory = rejectionCategory
    self.holderAtProposal = holderAtProposal
    self.acceptedBy = acceptedBy
    self.checklist = checklist
    self.history = history
  }

  /// Checklist items not yet done.
  public var openItems: [HandoverChecklistEntry] { checklist.filter { $0.doneAt == nil } }
}

/// One checklist item of one handover, and whether (and by whom) it is done.
public struct HandoverChecklistEntry: Sendable, Equatable, Encodable {
  public let key: String
  public let label: Protected<String>
  public let doneBy: StaffID?
  public let doneAt: Date?

  public init(key: String, label: Protected<String>, doneBy: StaffID?, doneAt: Date?) {
    self.key = key
    self.label = label
    self.doneBy = doneBy
    self.doneAt = doneAt
  }
}

/// One change of a handover: its state change or checklist change, who and when.
public struct HandoverHistoryEntry: Sendable, Equatable, Encodable {
  public let version: Int
  public let event: String
  public let from: HandoverState
  public let to: HandoverState
  public let by: StaffID
  public let at: Date

  public init(
    version: Int, event: String, from: HandoverState, to: HandoverState, by: StaffID, at: Date
  ) {
    self.version = version
    self.event = event
    self.from = from
    self.to = to
    self.by = by
    self.at = at
  }
}

/// Who holds responsibility for a recipient now (invariant 6): one staff member of one
/// service, or — for recipients registered before handovers existed and without a plan — the
/// registering service until a transfer names someone.
public struct Responsibility: Sendable, Equatable, Codable {
  public let recipientID: RecipientID
  public let staff: StaffID?
  public let service: ServiceCode
  public let since: Date
  /// The accepted transfer that moved it here; nil when it came with the registration.
  public let viaHandover: HandoverID?

  enum CodingKeys: String, CodingKey {
    case staff, service, since, viaHandover
    case recipientID = "recipientId"
  }

  public init(
    recipientID: RecipientID, staff: StaffID?, service: ServiceCode, since: Date,
    viaHandover: HandoverID?
  ) {
    self.recipientID = recipientID
    self.staff = staff
    self.service = service
    self.since = since
    self.viaHandover = viaHandover
  }
}
