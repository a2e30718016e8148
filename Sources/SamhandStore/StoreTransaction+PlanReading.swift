import Foundation
import SamhandCore
import SamhandCrypto

/// Reads a whole plan as it stands, or as it stood at an earlier version (for the recipient's
/// export: content as it was), sealed fields opened (or erased once shredded). Goals, measures,
/// references and comments are appended with the version that added them, statuses with the
/// version that set them, so any version can be read back.
extension StoreTransaction {
  /// The plan as it stands, or as it stood at `version` (nil when there is no such plan).
  public func plan(_ id: PlanID, atVersion asked: Int? = nil) throws -> Plan? {
    guard
      let row = try connection.fetchOne(
        "SELECT recipient_id, version, created_by, created_at FROM plans WHERE id = \(id.rawValue)"
      )
    else { return nil }
    let recipient = RecipientID(rawValue: try row["recipient_id"])
    let latest: Int = try row["version"]
    let version = min(asked ?? latest, latest)
    let key = try dataKey(for: recipient)
    func opener(_ table: String, _ rowID: String) -> FieldSealer? {
      key.map { FieldSealer(table: table, rowID: rowID, key: $0) }
    }
    guard let header = try planVersionRow(id, version: version) else {
      throw StoreError.corruptRow(table: "plans", id: id.rawValue, reason: "no current version")
    }
    let headerOpener = opener(Self.planVersionsTable, "\(id.rawValue)@\(version)")
    let coordinators = try coordinatorships(of: id).filter { $0.fromVersion <= version }
    guard let current = coordinators.last else {
      throw StoreError.corruptRow(table: "plans", id: id.rawValue, reason: "no coordinator")
    }
    let content = PlanContent(
      ownWords: try headerOpener.open(
        optional: header["own_words_sealed"], column: "own_words_sealed"),
      childrenNote: try headerOpener.open(
        optional: header["children_note_sealed"], column: "children_note_sealed"),
      periodFrom: try Self.date(header["period_from"], id: id),
      periodUntil: try Self.date(header["period_until"], id: id),
      nextRevision: try Self.date(header["next_revision"], id: id))
    return Plan(
      id: id, recipientID: recipient, status: try Self.planStatus(header["status"], id: id),
      version: version, coordinator: current.staffID, coordinators: coordinators,
      content: content,
      activationConsent: (try header["activation_consent_id"] as String?).map(
        ConsentID.init(rawValue:)),
      closeReason: try headerOpener.open(
        optional: header["close_reason_sealed"], column: "close_reason_sealed"),
      goals: try goals(of: id, at: version, opener: opener),
      measures: try measures(of: id, at: version, opener: opener),
      references: try references(of: id, at: version, opener: opener),
      comments: try comments(of: id, at: version, opener: opener),
      revisions: try revisions(of: id, at: version, opener: opener),
      createdBy: StaffID(rawValue: try row["created_by"]),
      createdAt: try row.timestamp("created_at", table: "plans", id: id.rawValue))
  }

  typealias Opener = (String, String) -> FieldSealer?

  private func coordinatorships(of plan: PlanID) throws -> [Coordinatorship] {
    try connection.fetchAll(
      """
      SELECT staff_id, from_version, started_at, ended_at FROM plan_coordinators
      WHERE plan_id = \(plan.rawValue) ORDER BY rowid
      """
    ).map { row in
      Coordinatorship(
        staffID: StaffID(rawValue: try row["staff_id"]), fromVersion: try row["from_version"],
        startedAt: try row.timestamp("started_at", table: "plan_coordinators", id: plan.rawValue),
        endedAt: try row.optionalTimestamp(
          "ended_at", table: "plan_coordinators", id: plan.rawValue))
    }
  }

  private func goals(of plan: PlanID, at version: Int, opener: Opener) throws -> [Goal] {
    try connection.fetchAll(
      """
      SELECT g.id, g.life_domain, g.text_sealed, g.target_date, g.added_by, g.added_at,
        (SELECT s.status FROM plan_goal_statuses s WHERE s.goal_id = g.id
          AND s.plan_version <= \(version) ORDER BY s.plan_version DESC LIMIT 1) AS status
      FROM plan_goals g WHERE g.plan_id = \(plan.rawValue) AND g.added_in_version <= \(version)
      ORDER BY g.rowid
      """
    ).map { row in
      let id = GoalID(rawValue: try row["id"])
      guard let domain = LifeDomain(rawValue: try row["life_domain"]),
        let status = Goal.Status(rawValue: try row["status"] ?? "")
      else {
        throw StoreError.corruptRow(table: "plan_goals", id: id.rawValue, reason: "bad value")
      }
      return Goal(
        id: id, domain: domain,
        text: try opener("plan_goals", id.rawValue).open(row["text_sealed"], column: "text_sealed"),
        targetDate: try Self.date(row["target_date"], id: id), status: status,
        addedBy: StaffID(rawValue: try row["added_by"]),
        addedAt: try row.timestamp("added_at", table: "plan_goals", id: id.rawValue))
    }
  }

  private func measures(of plan: PlanID, at version: Int, opener: Opener) throws -> [Measure] {
    try connection.fetchAll(
      """
      SELECT m.id, m.kind, m.description_sealed, m.responsible_service, m.contact_staff_id,
        m.extent_sealed, m.start_date, m.end_date,
        (SELECT s.status FROM plan_measure_statuses s WHERE s.measure_id = m.id
          AND s.plan_version <= \(version) ORDER BY s.plan_version DESC LIMIT 1) AS status
      FROM plan_measures m WHERE m.plan_id = \(plan.rawValue) AND m.added_in_version <= \(version)
      ORDER BY m.rowid
      """
    ).map { row in
      let id = MeasureID(rawValue: try row["id"])
      guard let kind = Measure.Kind(rawValue: try row["kind"]),
        let service = try? ServiceCode(try row["responsible_service"] as String),
        let status = Measure.Status(rawValue: try row["status"] ?? "")
      else {
        throw StoreError.corruptRow(table: "plan_measures", id: id.rawValue, reason: "bad value")
      }
      let sealer = opener("plan_measures", id.rawValue)
      return Measure(
        id: id, kind: kind,
        description: try sealer.open(row["description_sealed"], column: "description_sealed"),
        responsibleService: service,
        contactPerson: (try row["contact_staff_id"] as String?).map(StaffID.init),
        extent: try sealer.open(optional: row["extent_sealed"], column: "extent_sealed"),
        start: try Self.date(row["start_date"], id: id),
        end: try Self.date(row["end_date"], id: id),
        status: status,
        goals: try connection.fetchValues(
          "SELECT goal_id FROM plan_measure_goals WHERE measure_id = \(id.rawValue) ORDER BY 1",
          as: String.self
        ).map(GoalID.init(rawValue:)),
        elements: try contractElements(of: id, opener: opener))
    }
  }

  private func contractElements(of measure: MeasureID, opener: Opener) throws
    -> [ContractElement]
  {
    try connection.fetchAll(
      """
      SELECT id, kind, frequency_sealed FROM plan_contract_elements
      WHERE measure_id = \(measure.rawValue) ORDER BY position
      """
    ).map { row in
      let id: String = try row["id"]
      guard let kind = ContractElement.Kind(rawValue: try row["kind"]) else {
        throw StoreError.corruptRow(table: "plan_contract_elements", id: id, reason: "bad kind")
      }
      return ContractElement(
        kind: kind,
        frequency: try opener("plan_contract_elements", id).open(
          optional: row["frequency_sealed"], column: "frequency_sealed"))
    }
  }

  private func references(of plan: PlanID, at version: Int, opener: Opener) throws
    -> [PlanReference]
  {
    try connection.fetchAll(
      """
      SELECT id, kind, reference_sealed FROM plan_references
      WHERE plan_id = \(plan.rawValue) AND added_in_version <= \(version) ORDER BY rowid
      """
    ).map { row in
      let id = PlanReferenceID(rawValue: try row["id"])
      guard let kind = PlanReference.Kind(rawValue: try row["kind"]) else {
        throw StoreError.corruptRow(table: "plan_references", id: id.rawValue, reason: "bad kind")
      }
      return PlanReference(
        id: id, kind: kind,
        reference: try opener("plan_references", id.rawValue).open(
          row["reference_sealed"], column: "reference_sealed"))
    }
  }

  private func comments(of plan: PlanID, at version: Int, opener: Opener) throws
    -> [PlanComment]
  {
    try connection.fetchAll(
      """
      SELECT id, author, relative_id, text_sealed, recorded_by, recorded_at FROM plan_comments
      WHERE plan_id = \(plan.rawValue) AND added_in_version <= \(version) ORDER BY rowid
      """
    ).map { row in
      let id = PlanCommentID(rawValue: try row["id"])
      guard let author = PlanComment.Author(rawValue: try row["author"]) else {
        throw StoreError.corruptRow(table: "plan_comments", id: id.rawValue, reason: "bad author")
      }
      return PlanComment(
        id: id, author: author,
        relativeID: (try row["relative_id"] as String?).map(RelativeID.init),
        text: try opener("plan_comments", id.rawValue).open(
          row["text_sealed"], column: "text_sealed"),
        recordedBy: StaffID(rawValue: try row["recorded_by"]),
        recordedAt: try row.timestamp("recorded_at", table: "plan_comments", id: id.rawValue))
    }
  }

  private func revisions(of plan: PlanID, at version: Int, opener: Opener) throws
    -> [Revision]
  {
    try connection.fetchAll(
      """
      SELECT id, plan_version, revised_on, evaluation_sealed, next_revision, recorded_by,
        recorded_at FROM plan_revisions
      WHERE plan_id = \(plan.rawValue) AND plan_version <= \(version) ORDER BY rowid
      """
    ).map { row in
      let id = RevisionID(rawValue: try row["id"])
      guard let revisedOn = try Self.date(row["revised_on"], id: id) else {
        throw StoreError.corruptRow(table: "plan_revisions", id: id.rawValue, reason: "no date")
      }
      let changes = try connection.fetchAll(
        """
        SELECT goal_id, status FROM plan_goal_statuses WHERE revision_id = \(id.rawValue)
        ORDER BY rowid
        """
      ).map { change in
        GoalStatusChange(
          goal: GoalID(rawValue: try change["goal_id"]),
          status: try StoreError.parsed(
            change["status"], "status", table: "plan_goal_statuses", id: id.rawValue,
            Goal.Status.init(rawValue:)))
      }
      return Revision(
        id: id, planVersion: try row["plan_version"], revisedOn: revisedOn,
        evaluation: try opener("plan_revisions", id.rawValue).open(
          row["evaluation_sealed"], column: "evaluation_sealed"),
        goalChanges: changes, nextRevision: try Self.date(row["next_revision"], id: id),
        recordedBy: StaffID(rawValue: try row["recorded_by"]),
        recordedAt: try row.timestamp("recorded_at", table: "plan_revisions", id: id.rawValue))
    }
  }
}
