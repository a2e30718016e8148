import Foundation
import SamhandCore
import SamhandCrypto

/// Handovers: one row per handover holding its current state and version, every change
/// appended to `handover_events` (invariant 8), notes, reasons and checklist labels sealed
/// under the recipient's data key.
extension StoreTransaction {
  static let handoversTable = "handovers"
  static let checklistTable = "handover_checklist_items"

  /// What a proposal stores besides the handover itself.
  public struct NewHandover: Sendable {
    public let handover: Handover
    public let notes: String?
    public let holderAtProposal: StaffID?
    public let checklist: [ChecklistItem]

    public init(
      handover: Handover, notes: String?, holderAtProposal: StaffID?, checklist: [ChecklistItem]
    ) {
      self.handover = handover
      self.notes = notes
      self.holderAtProposal = holderAtProposal
      self.checklist = checklist
    }
  }

  /// Stores a new handover in its state (version 1) with its checklist.
  public func insertHandover(_ new: NewHandover, by actor: StaffID) throws {
    let handover = new.handover
    let now = nowText
    let sealer = try sealer(
      table: Self.handoversTable, rowID: handover.id.rawValue, recipient: handover.recipientID)
    let notes = try new.notes.map { try sealer.seal($0, column: "notes_sealed") }
    try connection.execute(
      """
      INSERT INTO handovers (id, recipient_id, kind, mode, from_staff, from_service,
        holder_at_proposal, to_staff, to_service, planned_date, proposed_on, state, version,
        notes_sealed, created_at, updated_at)
      VALUES (\(handover.id.rawValue), \(handover.recipientID.rawValue), \(handover.kind.rawValue),
        \(handover.mode.rawValue), \(handover.fromStaff.rawValue), \(handover.fromService.rawValue),
        \(new.holderAtProposal?.rawValue), \(handover.toStaff?.rawValue),
        \(handover.toService.rawValue), \(handover.plannedDate.description),
        \(handover.proposedOn?.description), \(handover.state.rawValue), 1, \(notes), \(now), \(now))
      """)
    try appendHandoverEvent(
      handover.id, version: 1, event: handover.state == .draft ? "draft" : "propose",
      from: .draft, to: handover.state, by: actor)
    for item in new.checklist {
      try insertChecklistItem(item, into: handover, by: actor)
    }
  }

  /// Moves a handover to `state` as a new version; `reason` (rejection, withdrawal) sealed,
  /// `rejectionCategory` plain, `acceptedBy` recorded on acceptance, `proposedOn` when a draft
  /// is proposed. Returns the new version.
  @discardableResult
  public func recordHandoverChange(
    _ handover: Handover, event: String, to state: HandoverState, reason: String? = nil,
    rejectionCategory: HandoverRejectionCategory? = nil, acceptedBy: StaffID? = nil,
    proposedOn: CalendarDate? = nil, by actor: StaffID
  ) throws -> Int {
    guard let current = try handoverVersion(handover.id) else {
      throw StoreError.corruptRow(
        table: Self.handoversTable, id: handover.id.rawValue, reason: "missing")
    }
    let sealer = try sealer(
      table: Self.handoversTable, rowID: handover.id.rawValue, recipient: handover.recipientID)
    let next = current + 1
    let sealedReason = try reason.map { try sealer.seal($0, column: "reason_sealed") }
    try connection.execute(
      """
      UPDATE handovers SET state = \(state.rawValue), version = \(next), updated_at = \(nowText),
        reason_sealed = COALESCE(\(sealedReason), reason_sealed),
        rejection_category = COALESCE(\(rejectionCategory?.rawValue), rejection_category),
        accepted_by = COALESCE(\(acceptedBy?.rawValue), accepted_by),
        proposed_on = COALESCE(\(proposedOn?.description), proposed_on)
      WHERE id = \(handover.id.rawValue) AND version = \(current)
      """)
    try appendHandoverEvent(
      handover.id, version: next, event: event, from: handover.state, to: state, by: actor)
    return next
  }

  /// Records who held responsibility when a drafted transfer was sent: the holder its
  /// acceptance must still find (the draft kept the holder of when it was made).
  public func recordHolderAtProposal(of id: HandoverID, _ holder: StaffID?) throws {
    try connection.execute(
      "UPDATE handovers SET holder_at_proposal = \(holder?.rawValue) WHERE id = \(id.rawValue)")
  }

  /// The handover's current version, or nil when there is no such handover.
  public func handoverVersion(_ id: HandoverID) throws -> Int? {
    try connection.fetchValue(
      "SELECT version FROM handovers WHERE id = \(id.rawValue)", as: Int.self)
  }

  /// The recipient a handover concerns, for routing a request on a handover id to its gate.
  public func recipientID(ofHandover id: HandoverID) throws -> RecipientID? {
    try connection.fetchValue(
      "SELECT recipient_id FROM handovers WHERE id = \(id.rawValue)", as: String.self
    ).map(RecipientID.init(rawValue:))
  }

  /// Adds an item to a handover's checklist; false when the key is taken.
  @discardableResult
  public func insertChecklistItem(_ item: ChecklistItem, into handover: Handover, by actor: StaffID)
    throws -> Bool
  {
    let rowID = "\(handover.id)/\(item.key)"
    let sealer = try sealer(
      table: Self.checklistTable, rowID: rowID, recipient: handover.recipientID)
    let label = try sealer.seal(item.label, column: "label_sealed")
    return try connection.execute(
      """
      INSERT INTO handover_checklist_items (handover_id, position, key, label_sealed, added_by,
        added_at)
      VALUES (\(handover.id.rawValue), (SELECT COALESCE(MAX(position), 0) + 1
        FROM handover_checklist_items WHERE handover_id = \(handover.id.rawValue)), \(item.key),
        \(label), \(actor.rawValue), \(nowText)) ON CONFLICT DO NOTHING
      """) == 1
  }

  /// Marks an item done (`done` true) or open again; false when there is no such item or it
  /// already was so.
  public func markChecklistItem(_ handover: HandoverID, key: String, done: Bool, by actor: StaffID)
    throws -> Bool
  {
    if done {
      return try connection.execute(
        """
        UPDATE handover_checklist_items SET done_by = \(actor.rawValue), done_at = \(nowText)
        WHERE handover_id = \(handover.rawValue) AND key = \(key) AND done_at IS NULL
        """) == 1
    }
    return try connection.execute(
      """
      UPDATE handover_checklist_items SET done_by = NULL, done_at = NULL
      WHERE handover_id = \(handover.rawValue) AND key = \(key) AND done_at IS NOT NULL
      """) == 1
  }

  /// Records a change that is not a state change (a checklist edit) as a new version.
  public func recordHandoverNote(_ handover: Handover, event: String, by actor: StaffID) throws
    -> Int
  {
    try recordHandoverChange(handover, event: event, to: handover.state, by: actor)
  }

  private func appendHandoverEvent(
    _ id: HandoverID, version: Int, event: String, from: HandoverState, to: HandoverState,
    by actor: StaffID
  ) throws {
    try connection.execute(
      """
      INSERT INTO handover_events (handover_id, version, event, from_state, to_state, by_staff, at)
      VALUES (\(id.rawValue), \(version), \(event), \(from.rawValue), \(to.rawValue),
        \(actor.rawValue), \(nowText))
      """)
  }
}
