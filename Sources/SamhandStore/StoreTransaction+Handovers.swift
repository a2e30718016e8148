import Foundation
import GRDB
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
    try db.cachedStatement(
      sql: """
        INSERT INTO handovers (id, recipient_id, kind, mode, from_staff, from_service,
          holder_at_proposal, to_staff, to_service, planned_date, proposed_on, state, version,
          notes_sealed, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)
        """
    ).execute(
      arguments: [
        handover.id.rawValue, handover.recipientID.rawValue, handover.kind.rawValue,
        handover.mode.rawValue, handover.fromStaff.rawValue, handover.fromService.rawValue,
        new.holderAtProposal?.rawValue, handover.toStaff?.rawValue, handover.toService.rawValue,
        handover.plannedDate.description, handover.proposedOn?.description,
        handover.state.rawValue, try new.notes.map { try sealer.seal($0, column: "notes_sealed") },
        now, now,
      ])
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
    try db.cachedStatement(
      sql: """
        UPDATE handovers SET state = ?, version = ?, updated_at = ?,
          reason_sealed = COALESCE(?, reason_sealed),
          rejection_category = COALESCE(?, rejection_category), accepted_by = COALESCE(?, accepted_by),
          proposed_on = COALESCE(?, proposed_on)
        WHERE id = ? AND version = ?
        """
    ).execute(
      arguments: [
        state.rawValue, next, nowText,
        try reason.map { try sealer.seal($0, column: "reason_sealed") },
        rejectionCategory?.rawValue, acceptedBy?.rawValue,
        proposedOn?.description, handover.id.rawValue, current,
      ])
    try appendHandoverEvent(
      handover.id, version: next, event: event, from: handover.state, to: state, by: actor)
    return next
  }

  /// Records who held responsibility when a drafted transfer was sent: the holder its
  /// acceptance must still find (the draft kept the holder of when it was made).
  public func recordHolderAtProposal(of id: HandoverID, _ holder: StaffID?) throws {
    try db.cachedStatement(sql: "UPDATE handovers SET holder_at_proposal = ? WHERE id = ?")
      .execute(arguments: [holder?.rawValue, id.rawValue])
  }

  /// The handover's current version, or nil when there is no such handover.
  public func handoverVersion(_ id: HandoverID) throws -> Int? {
    try Int.fetchOne(
      db.cachedStatement(sql: "SELECT version FROM handovers WHERE id = ?"),
      arguments: [id.rawValue])
  }

  /// The recipient a handover concerns, for routing a request on a handover id to its gate.
  public func recipientID(ofHandover id: HandoverID) throws -> RecipientID? {
    try String.fetchOne(
      db.cachedStatement(sql: "SELECT recipient_id FROM handovers WHERE id = ?"),
      arguments: [id.rawValue]
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
    try db.cachedStatement(
      sql: """
        INSERT INTO handover_checklist_items (handover_id, position, key, label_sealed, added_by,
          added_at)
        VALUES (?, (SELECT COALESCE(MAX(position), 0) + 1 FROM handover_checklist_items
          WHERE handover_id = ?), ?, ?, ?, ?) ON CONFLICT DO NOTHING
        """
    ).execute(
      arguments: [
        handover.id.rawValue, handover.id.rawValue, item.key,
        try sealer.seal(item.label, column: "label_sealed"),
        actor.rawValue, nowText,
      ])
    return db.changesCount == 1
  }

  /// Marks an item done (`done` true) or open again; false when there is no such item or it
  /// already was so.
  public func markChecklistItem(_ handover: HandoverID, key: String, done: Bool, by actor: StaffID)
    throws -> Bool
  {
    if done {
      try db.cachedStatement(
        sql: """
          UPDATE handover_checklist_items SET done_by = ?, done_at = ?
          WHERE handover_id = ? AND key = ? AND done_at IS NULL
          """
      ).execute(arguments: [actor.rawValue, nowText, handover.rawValue, key])
    } else {
      try db.cachedStatement(
        sql: """
          UPDATE handover_checklist_items SET done_by = NULL, done_at = NULL
          WHERE handover_id = ? AND key = ? AND done_at IS NOT NULL
          """
      ).execute(arguments: [handover.rawValue, key])
    }
    return db.changesCount == 1
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
    try db.cachedStatement(
      sql: """
        INSERT INTO handover_events (handover_id, version, event, from_state, to_state, by_staff,
          at) VALUES (?, ?, ?, ?, ?, ?, ?)
        """
    ).execute(
      arguments: [id.rawValue, version, event, from.rawValue, to.rawValue, actor.rawValue, nowText])
  }
}
