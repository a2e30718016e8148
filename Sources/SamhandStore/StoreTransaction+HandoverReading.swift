import Foundation
import SamhandCore
import SamhandCrypto

/// Reads handovers: one whole (sealed fields opened, or erased), a recipient's list, and the
/// indexed queries the inbox and the agenda ask ("awaiting me", "my outgoing not accepted",
/// "open checklist items", "overdue").
extension StoreTransaction {
  static let handoverColumns: StoreSQL = """
    h.id, h.recipient_id, h.kind, h.mode, h.from_staff, h.from_service, h.to_staff,
    h.to_service, h.planned_date, h.proposed_on, h.state
    """

  /// The handover as it stands, or nil when there is no such handover.
  public func handover(_ id: HandoverID) throws -> HandoverRecord? {
    guard
      let row = try connection.fetchOne(
        """
        SELECT \(Self.handoverColumns), h.version, h.notes_sealed, h.reason_sealed,
          h.rejection_category, h.holder_at_proposal, h.accepted_by
        FROM handovers h WHERE h.id = \(id.rawValue)
        """)
    else { return nil }
    let handover = try Self.handover(row)
    let key = try dataKey(for: handover.recipientID)
    let opener = key.map {
      FieldSealer(table: Self.handoversTable, rowID: id.rawValue, key: $0)
    }
    return HandoverRecord(
      handover: handover, version: try row["version"],
      notes: try opener.open(optional: try row["notes_sealed"], column: "notes_sealed"),
      reason: try opener.open(optional: try row["reason_sealed"], column: "reason_sealed"),
      rejectionCategory: try Self.rejectionCategory(
        try row["rejection_category"], id: id.rawValue),
      holderAtProposal: (try row["holder_at_proposal"] as String?).map(StaffID.init(rawValue:)),
      acceptedBy: (try row["accepted_by"] as String?).map(StaffID.init(rawValue:)),
      checklist: try checklist(of: handover, key: key), history: try handoverHistory(id))
  }

  /// Every handover of the recipient, oldest first.
  public func handovers(of recipient: RecipientID) throws -> [Handover] {
    try fetchHandovers("h.recipient_id = \(recipient.rawValue) ORDER BY h.rowid")
  }

  /// Proposed handovers awaiting the staff member: named to them, or to one of their services
  /// with no one named.
  public func handoversAwaiting(
    staff: StaffID, services: [ServiceCode], visible: RecipientNarrowing
  ) throws -> [Handover] {
    try fetchHandovers(
      """
      h.state = 'proposed' AND \(Self.receiving(staff: staff, services: services))
      ORDER BY h.planned_date, h.id
      """, visible: visible)
  }

  /// The staff member's own handovers not yet accepted (draft or proposed).
  public func outgoingHandovers(from staff: StaffID, visible: RecipientNarrowing) throws
    -> [Handover]
  {
    try fetchHandovers(
      """
      h.from_staff = \(staff.rawValue) AND h.state IN ('draft', 'proposed')
      ORDER BY h.planned_date, h.id
      """, visible: visible)
  }

  /// Handovers not accepted by their planned date that the staff member sends or receives
  /// (named, or through one of their services with no one named): overdue on `today`.
  public func overdueHandovers(
    on today: CalendarDate, involving staff: StaffID, services: [ServiceCode],
    visible: RecipientNarrowing
  ) throws -> [Handover] {
    try fetchHandovers(
      """
      h.state IN ('draft', 'proposed') AND h.planned_date < \(today.description)
        AND (h.from_staff = \(staff.rawValue) OR \(Self.receiving(staff: staff, services: services)))
      ORDER BY h.planned_date, h.id
      """, visible: visible)
  }

  /// Unaccepted handovers the staff member sends or is named to receive.
  public func unacceptedHandovers(involving staff: StaffID) throws -> [Handover] {
    try fetchHandovers(
      """
      h.state IN ('draft', 'proposed') AND (h.from_staff = \(staff.rawValue) OR h.to_staff = \(staff.rawValue))
      ORDER BY h.rowid
      """)
  }

  /// Named to `staff`, or to one of `services` with no one named (parenthesized).
  private static func receiving(staff: StaffID, services: [ServiceCode]) -> StoreSQL {
    let named: StoreSQL = "h.to_staff = \(staff.rawValue)"
    guard !services.isEmpty else { return "(\(named))" }
    return """
      (\(named) OR (h.to_staff IS NULL AND h.to_service IN \(services.map(\.rawValue))))
      """
  }

  /// Handovers meeting `condition` (which may end in an ORDER BY) whose recipient `visible`
  /// admits for the handover category.
  private func fetchHandovers(_ condition: StoreSQL, visible: RecipientNarrowing) throws
    -> [Handover]
  {
    try fetchHandovers(
      "\(visible.sql(recipient: "h.recipient_id", category: .handover)) AND \(condition)")
  }

  /// Handovers meeting `condition` (which may end in an ORDER BY).
  private func fetchHandovers(_ condition: StoreSQL) throws -> [Handover] {
    try connection.fetchAll("SELECT \(Self.handoverColumns) FROM handovers h WHERE \(condition)")
      .map(Self.handover)
  }

  private static func handover(_ row: StoreRow) throws -> Handover {
    let id: String = try row["id"]
    let corrupt = { (reason: String) in
      StoreError.corruptRow(table: handoversTable, id: id, reason: reason)
    }
    guard let kind = HandoverKind(rawValue: try row["kind"]),
      let mode = HandoverMode(rawValue: try row["mode"]),
      let state = HandoverState(rawValue: try row["state"]),
      let fromService = try? ServiceCode(try row["from_service"] as String),
      let toService = try? ServiceCode(try row["to_service"] as String),
      let planned = try? CalendarDate(parsing: try row["planned_date"] as String)
    else { throw corrupt("unreadable kind, mode, state, service or date") }
    return Handover(
      id: HandoverID(rawValue: id), recipientID: RecipientID(rawValue: try row["recipient_id"]),
      kind: kind, mode: mode,
      fromStaff: StaffID(rawValue: try row["from_staff"]), fromService: fromService,
      toStaff: (try row["to_staff"] as String?).map(StaffID.init(rawValue:)),
      toService: toService, plannedDate: planned,
      proposedOn: try date(try row["proposed_on"], id: id), state: state)
  }

  /// The stored rejection category, nil when none was recorded.
  static func rejectionCategory(_ text: String?, id: String) throws -> HandoverRejectionCategory? {
    try text.map { text in
      guard let category = HandoverRejectionCategory(rawValue: text) else {
        throw StoreError.corruptRow(table: handoversTable, id: id, reason: "bad rejection category")
      }
      return category
    }
  }

  private func checklist(of handover: Handover, key: DataKey?) throws -> [HandoverChecklistEntry] {
    try connection.fetchAll(
      """
      SELECT key, label_sealed, done_by, done_at FROM handover_checklist_items
      WHERE handover_id = \(handover.id.rawValue) ORDER BY position
      """
    ).map { row in
      let itemKey: String = try row["key"]
      let sealer = key.map {
        FieldSealer(table: Self.checklistTable, rowID: "\(handover.id)/\(itemKey)", key: $0)
      }
      return HandoverChecklistEntry(
        key: itemKey,
        label: try sealer.open(try row["label_sealed"] as Data, column: "label_sealed"),
        doneBy: (try row["done_by"] as String?).map(StaffID.init(rawValue:)),
        doneAt: try row.optionalTimestamp(
          "done_at", table: Self.checklistTable, id: "\(handover.id)/\(itemKey)"))
    }
  }

  private func handoverHistory(_ id: HandoverID) throws -> [HandoverHistoryEntry] {
    try connection.fetchAll(
      """
      SELECT version, event, from_state, to_state, by_staff, at FROM handover_events
      WHERE handover_id = \(id.rawValue) ORDER BY version
      """
    ).map { row in
      guard let from = HandoverState(rawValue: try row["from_state"]),
        let to = HandoverState(rawValue: try row["to_state"])
      else {
        throw StoreError.corruptRow(
          table: "handover_events", id: id.rawValue, reason: "unknown state")
      }
      return HandoverHistoryEntry(
        version: try row["version"], event: try row["event"], from: from, to: to,
        by: StaffID(rawValue: try row["by_staff"]),
        at: try row.timestamp("at", table: "handover_events", id: id.rawValue))
    }
  }
}
