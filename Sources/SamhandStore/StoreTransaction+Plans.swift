import Foundation
import SamhandCore
import SamhandCrypto

/// Individual plans: the plan's own fields as one row per version (sealed per version), goals,
/// measures, references, comments and revisions appended, never overwritten (invariant 8).
/// `plans.status` and `plans.version` mirror the newest version for the one-active index and
/// for If-Match checks.
extension StoreTransaction {
  static let planVersionsTable = "plan_versions"

  /// The plan's own fields in plaintext, as one version holds them.
  public struct PlanFields: Sendable, Equatable {
    public var status: Plan.Status = .draft
    public var ownWords: String?
    public var childrenNote: String?
    public var periodFrom: CalendarDate?
    public var periodUntil: CalendarDate?
    public var nextRevision: CalendarDate?
    public var activationConsent: ConsentID?
    public var closeReason: String?

    public init() {}

    /// Applies a content change; nil fields stay as they were.
    public mutating func apply(_ change: PlanContentChange) {
      ownWords = change.ownWords ?? ownWords
      childrenNote = change.childrenNote ?? childrenNote
      periodFrom = change.periodFrom ?? periodFrom
      periodUntil = change.periodUntil ?? periodUntil
      nextRevision = change.nextRevision ?? nextRevision
    }
  }

  /// Creates a draft plan (version 1) with its first coordinator.
  public func insertPlan(
    recipient: RecipientID, coordinator: StaffID, content: PlanContentChange, by actor: StaffID
  ) throws -> PlanID {
    let id = PlanID.generate()
    try connection.execute(
      """
      INSERT INTO plans (id, recipient_id, status, version, created_by, created_at)
      VALUES (\(id.rawValue), \(recipient.rawValue), 'draft', 1, \(actor.rawValue), \(nowText))
      """)
    var fields = PlanFields()
    fields.apply(content)
    try insertPlanVersion(
      id, recipient: recipient, version: 1, change: "created", fields: fields, by: actor)
    try connection.execute(
      """
      INSERT INTO plan_coordinators (plan_id, staff_id, from_version, started_at)
      VALUES (\(id.rawValue), \(coordinator.rawValue), 1, \(nowText))
      """)
    return id
  }

  /// The recipient a plan belongs to, for routing a request on a plan id to its gate.
  public func recipientID(ofPlan id: PlanID) throws -> RecipientID? {
    try connection.fetchValue(
      "SELECT recipient_id FROM plans WHERE id = \(id.rawValue)", as: String.self
    ).map(RecipientID.init(rawValue:))
  }

  /// The plan's current version number, or nil when there is no such plan.
  public func planVersion(_ id: PlanID) throws -> Int? {
    try connection.fetchValue("SELECT version FROM plans WHERE id = \(id.rawValue)", as: Int.self)
  }

  /// The recipient's active plan, if any.
  public func activePlanID(of recipient: RecipientID) throws -> PlanID? {
    try connection.fetchValue(
      "SELECT id FROM plans WHERE recipient_id = \(recipient.rawValue) AND status = 'active'",
      as: String.self
    ).map(PlanID.init(rawValue:))
  }

  /// Every plan of the recipient, oldest first.
  public func planIDs(of recipient: RecipientID) throws -> [PlanID] {
    try connection.fetchValues(
      "SELECT id FROM plans WHERE recipient_id = \(recipient.rawValue) ORDER BY rowid",
      as: String.self
    ).map(PlanID.init(rawValue:))
  }

  /// A live consent of the recipient that covers `category`, if any.
  public func liveConsentID(
    of recipient: RecipientID, covering category: InformationCategory, on date: CalendarDate
  ) throws -> ConsentID? {
    let day = date.description
    return try connection.fetchValue(
      """
      SELECT c.id FROM consents c JOIN consent_categories k ON k.consent_id = c.id
      WHERE c.recipient_id = \(recipient.rawValue) AND k.category = \(category.rawValue)
        AND c.withdrawn_at IS NULL AND c.valid_from <= \(day)
        AND (c.valid_until IS NULL OR c.valid_until >= \(day))
      ORDER BY c.recorded_at DESC LIMIT 1
      """, as: String.self
    ).map(ConsentID.init(rawValue:))
  }

  /// Records one change of the plan as a new version: `edit` gets the newest fields and
  /// returns them changed. Returns the new version number.
  @discardableResult
  public func recordPlanChange(
    _ id: PlanID, change: String, by actor: StaffID,
    edit: (inout PlanFields) throws -> Void = { _ in }
  ) throws -> Int {
    guard let recipient = try recipientID(ofPlan: id), let current = try planVersion(id) else {
      throw StoreError.corruptRow(table: "plans", id: id.rawValue, reason: "no such plan")
    }
    var fields = try planFields(id, version: current, recipient: recipient)
    try edit(&fields)
    let next = current + 1
    try connection.execute(
      """
      UPDATE plans SET version = \(next), status = \(fields.status.rawValue)
      WHERE id = \(id.rawValue) AND version = \(current)
      """)
    try insertPlanVersion(
      id, recipient: recipient, version: next, change: change, fields: fields, by: actor)
    return next
  }

  /// Every version of the plan, oldest first.
  public func planVersions(_ id: PlanID) throws -> [AggregateVersion] {
    try connection.fetchAll(
      """
      SELECT version, change, changed_by, changed_at FROM plan_versions
      WHERE plan_id = \(id.rawValue) ORDER BY version
      """
    ).map { try AggregateVersion(row: $0, table: Self.planVersionsTable, id: id.rawValue) }
  }

  private func insertPlanVersion(
    _ id: PlanID, recipient: RecipientID, version: Int, change: String, fields: PlanFields,
    by actor: StaffID
  ) throws {
    let sealer = try sealer(
      table: Self.planVersionsTable, rowID: "\(id.rawValue)@\(version)", recipient: recipient)
    let ownWords = try fields.ownWords.map { try sealer.seal($0, column: "own_words_sealed") }
    let childrenNote = try fields.childrenNote.map {
      try sealer.seal($0, column: "children_note_sealed")
    }
    let closeReason = try fields.closeReason.map {
      try sealer.seal($0, column: "close_reason_sealed")
    }
    try connection.execute(
      """
      INSERT INTO plan_versions (plan_id, version, change, status, own_words_sealed,
        children_note_sealed, period_from, period_until, next_revision, activation_consent_id,
        close_reason_sealed, changed_by, changed_at)
      VALUES (\(id.rawValue), \(version), \(change), \(fields.status.rawValue), \(ownWords),
        \(childrenNote), \(fields.periodFrom?.description), \(fields.periodUntil?.description),
        \(fields.nextRevision?.description), \(fields.activationConsent?.rawValue),
        \(closeReason), \(actor.rawValue), \(nowText))
      """)
  }

  /// The plaintext fields of one version; refuses when the recipient has been erased.
  private func planFields(_ id: PlanID, version: Int, recipient: RecipientID) throws -> PlanFields {
    let opener = try sealer(
      table: Self.planVersionsTable, rowID: "\(id.rawValue)@\(version)", recipient: recipient)
    guard let row = try planVersionRow(id, version: version) else {
      throw StoreError.corruptRow(
        table: Self.planVersionsTable, id: id.rawValue, reason: "no version \(version)")
    }
    var fields = PlanFields()
    fields.status = try Self.planStatus(row["status"], id: id)
    fields.ownWords = try (try row["own_words_sealed"] as Data?).map {
      try opener.open($0, column: "own_words_sealed")
    }
    fields.childrenNote = try (try row["children_note_sealed"] as Data?).map {
      try opener.open($0, column: "children_note_sealed")
    }
    fields.periodFrom = try Self.date(row["period_from"], id: id)
    fields.periodUntil = try Self.date(row["period_until"], id: id)
    fields.nextRevision = try Self.date(row["next_revision"], id: id)
    fields.activationConsent = (try row["activation_consent_id"] as String?).map(
      ConsentID.init(rawValue:))
    fields.closeReason = try (try row["close_reason_sealed"] as Data?).map {
      try opener.open($0, column: "close_reason_sealed")
    }
    return fields
  }

  func planVersionRow(_ id: PlanID, version: Int) throws -> StoreRow? {
    try connection.fetchOne(
      """
      SELECT status, own_words_sealed, children_note_sealed, period_from, period_until,
        next_revision, activation_consent_id, close_reason_sealed FROM plan_versions
      WHERE plan_id = \(id.rawValue) AND version = \(version)
      """)
  }

  static func planStatus(_ text: String, id: PlanID) throws -> Plan.Status {
    guard let status = Plan.Status(rawValue: text) else {
      throw StoreError.corruptRow(table: "plans", id: id.rawValue, reason: "unknown status")
    }
    return status
  }

  /// A stored calendar date; a value that does not parse is a corrupt row.
  static func date(_ text: String?, id: some CustomStringConvertible) throws -> CalendarDate? {
    try text.map { text in
      guard let date = try? CalendarDate(parsing: text) else {
        throw StoreError.corruptRow(table: "plans", id: id.description, reason: "bad date \(text)")
      }
      return date
    }
  }
}

extension StoreTransaction {
  /// Active plans whose current next revision date lies before `date`.
  public func activePlansWithRevisionBefore(_ date: CalendarDate, visible: RecipientNarrowing)
    throws -> [(PlanID, RecipientID)]
  {
    try connection.fetchAll(
      """
      SELECT p.id, p.recipient_id FROM plans p
      JOIN plan_versions v ON v.plan_id = p.id AND v.version = p.version
      WHERE p.status = 'active' AND v.next_revision < \(date.description)
        AND \(visible.sql(recipient: "p.recipient_id", category: .plan))
      ORDER BY v.next_revision, p.id
      """
    ).map { (PlanID(rawValue: try $0["id"]), RecipientID(rawValue: try $0["recipient_id"])) }
  }
}
