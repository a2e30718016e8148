import Foundation
import SamhandCore
import SamhandCrypto

/// The parts of a plan: goals and their status history, measures (and substance-contract
/// elements), references, comments and revisions. Each insert belongs to one plan version.
extension StoreTransaction {
  public func insertGoal(
    _ goal: NewGoal, plan: PlanID, recipient: RecipientID, version: Int, by actor: StaffID
  ) throws -> GoalID {
    let id: GoalID = try insertSealedRow(
      into: "plan_goals", recipient: recipient,
      columns: [
        "plan_id", "life_domain", "text_sealed", "target_date", "added_in_version", "added_by",
        "added_at",
      ]
    ) { sealer in
      [
        plan.rawValue, goal.domain.rawValue, try sealer.seal(goal.text, column: "text_sealed"),
        goal.targetDate?.description, version, actor.rawValue, nowText,
      ]
    }.id
    try insertGoalStatus(id, .open, version: version, revision: nil, by: actor)
    return id
  }

  /// Appends a goal's new status in `version` (by a revision or on its own).
  public func insertGoalStatus(
    _ goal: GoalID, _ status: Goal.Status, version: Int, revision: RevisionID?, by actor: StaffID
  ) throws {
    try connection.execute(
      """
      INSERT INTO plan_goal_statuses (goal_id, plan_version, status, revision_id, changed_by,
        changed_at)
      VALUES (\(goal.rawValue), \(version), \(status.rawValue), \(revision?.rawValue),
        \(actor.rawValue), \(nowText))
      """)
  }

  /// The ids of the plan's goals.
  public func goalIDs(of plan: PlanID) throws -> Set<GoalID> {
    try idSet("SELECT id FROM plan_goals WHERE plan_id = ?", plan.rawValue)
  }

  /// The ids of the plan's measures.
  public func measureIDs(of plan: PlanID) throws -> Set<MeasureID> {
    try idSet("SELECT id FROM plan_measures WHERE plan_id = ?", plan.rawValue)
  }

  public func insertMeasure(
    _ measure: NewMeasure, plan: PlanID, recipient: RecipientID, version: Int, by actor: StaffID
  ) throws -> MeasureID {
    let (id, sealer): (MeasureID, FieldSealer) = try insertSealedRow(
      into: "plan_measures", recipient: recipient,
      columns: [
        "plan_id", "kind", "description_sealed", "responsible_service", "contact_staff_id",
        "extent_sealed", "start_date", "end_date", "added_in_version", "added_by", "added_at",
      ]
    ) { sealer in
      [
        plan.rawValue, measure.kind.rawValue,
        try sealer.seal(measure.description, column: "description_sealed"),
        measure.responsibleService.rawValue, measure.contactPerson?.rawValue,
        try measure.extent.map { try sealer.seal($0, column: "extent_sealed") },
        measure.start?.description, measure.end?.description, version, actor.rawValue, nowText,
      ]
    }
    for goal in measure.goals {
      try connection.execute(
        """
        INSERT INTO plan_measure_goals (measure_id, goal_id)
        VALUES (\(id.rawValue), \(goal.rawValue))
        """)
    }
    for (position, element) in measure.elements.enumerated() {
      let elementID = "\(id.rawValue)/\(position)"
      let elementSealer = FieldSealer(
        table: "plan_contract_elements", rowID: elementID, key: sealer.key)
      let frequency = try element.frequency.map {
        try elementSealer.seal($0, column: "frequency_sealed")
      }
      try connection.execute(
        """
        INSERT INTO plan_contract_elements (id, measure_id, position, kind, frequency_sealed)
        VALUES (\(elementID), \(id.rawValue), \(position), \(element.kind.rawValue), \(frequency))
        """)
    }
    try insertMeasureStatus(id, measure.status, version: version, by: actor)
    return id
  }

  /// Appends a measure's new status in `version`.
  public func insertMeasureStatus(
    _ measure: MeasureID, _ status: Measure.Status, version: Int, by actor: StaffID
  ) throws {
    try connection.execute(
      """
      INSERT INTO plan_measure_statuses (measure_id, plan_version, status, changed_by,
        changed_at)
      VALUES (\(measure.rawValue), \(version), \(status.rawValue), \(actor.rawValue), \(nowText))
      """)
  }

  public func insertPlanReference(
    kind: PlanReference.Kind, reference: String, plan: PlanID, recipient: RecipientID,
    version: Int, by actor: StaffID
  ) throws -> PlanReferenceID {
    try insertSealedRow(
      into: "plan_references", recipient: recipient,
      columns: ["plan_id", "kind", "reference_sealed", "added_in_version", "added_by", "added_at"]
    ) { sealer in
      [
        plan.rawValue, kind.rawValue, try sealer.seal(reference, column: "reference_sealed"),
        version, actor.rawValue, nowText,
      ]
    }.id
  }

  public func insertPlanComment(
    author: PlanComment.Author, relative: RelativeID?, text: String, plan: PlanID,
    recipient: RecipientID, version: Int, by actor: StaffID
  ) throws -> PlanCommentID {
    try insertSealedRow(
      into: "plan_comments", recipient: recipient,
      columns: [
        "plan_id", "author", "relative_id", "text_sealed", "added_in_version", "recorded_by",
        "recorded_at",
      ]
    ) { sealer in
      [
        plan.rawValue, author.rawValue, relative?.rawValue,
        try sealer.seal(text, column: "text_sealed"), version, actor.rawValue, nowText,
      ]
    }.id
  }

  /// Whether `relative` is one of the recipient's current next of kin (not removed).
  public func isRelative(_ relative: RelativeID, of recipient: RecipientID) throws -> Bool {
    try connection.fetchValue(
      """
      SELECT EXISTS (SELECT 1 FROM relatives WHERE id = \(relative.rawValue)
        AND recipient_id = \(recipient.rawValue) AND removed_in_version IS NULL)
      """, as: Bool.self) ?? false
  }

  public func insertRevision(
    _ revision: NewRevision, plan: PlanID, recipient: RecipientID, version: Int, by actor: StaffID
  ) throws -> RevisionID {
    let id: RevisionID = try insertSealedRow(
      into: "plan_revisions", recipient: recipient,
      columns: [
        "plan_id", "plan_version", "revised_on", "evaluation_sealed", "next_revision",
        "recorded_by", "recorded_at",
      ]
    ) { sealer in
      [
        plan.rawValue, version, revision.revisedOn.description,
        try sealer.seal(revision.evaluation, column: "evaluation_sealed"),
        revision.nextRevision?.description, actor.rawValue, nowText,
      ]
    }.id
    for change in revision.goalChanges {
      try insertGoalStatus(change.goal, change.status, version: version, revision: id, by: actor)
    }
    return id
  }
}
