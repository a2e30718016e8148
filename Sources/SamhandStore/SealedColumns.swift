import SamhandCore

/// One column whose values are sealed under the recipient's data key (DESIGN invariant 3):
/// where it is, which information category guards it and what it holds. The store seals and
/// opens only columns listed in `SealedColumns.all`, and the record of processing (GDPR
/// art. 30) lists its categories of data from the same list, so the two cannot drift apart.
public struct SealedColumn: Sendable, Hashable {
  public let table: String
  public let column: String
  /// The category whose consent, blocks and policies govern reading it.
  public let category: InformationCategory
  /// What it holds, in a few words, for the record of processing.
  public let holds: String

  init(_ table: String, _ column: String, _ category: InformationCategory, _ holds: String) {
    self.table = table
    self.column = column
    self.category = category
    self.holds = holds
  }
}

/// The registry of every sealed column: a schema test fails on a `_sealed` column missing
/// here, and `FieldSealer` refuses one that is not here.
public enum SealedColumns {
  public static let all: [SealedColumn] = [
    .init("recipients", "name_sealed", .identity, "the recipient's name"),
    .init("recipients", "national_id_sealed", .identity, "the national identity number"),
    .init("recipients", "contact_sealed", .identity, "contact data (phone, address)"),
    .init(
      "recipient_versions", "name_sealed", .identity, "the recipient's name at an earlier version"),
    .init(
      "recipient_versions", "contact_sealed", .identity,
      "the recipient's contact data at an earlier version"),
    .init("relatives", "name_sealed", .identity, "a next of kin's name"),
    .init("relatives", "relation_sealed", .identity, "how a next of kin is related"),
    .init("relatives", "contact_sealed", .identity, "a next of kin's contact data"),
    .init("consents", "purpose_sealed", .identity, "what a consent is given for"),
    .init(
      "consents", "document_reference_sealed", .identity, "where the written consent is kept"),
    .init(
      "erasure_requests", "reason_sealed", .identity, "why the recipient's erasure was asked for"),
    .init(
      "erasure_requests", "rejection_reason_sealed", .identity,
      "why an erasure request was rejected"),
    .init("blocks", "reason_sealed", .identity, "why the recipient blocked staff or a service"),
    .init("break_glass_grants", "reason_sealed", .identity, "why emergency access was taken"),
    .init(
      "break_glass_grants", "review_comment_sealed", .identity,
      "the auditor's comment on an emergency access"),
    .init("plan_versions", "own_words_sealed", .plan, "the recipient's own words in the plan"),
    .init("plan_versions", "children_note_sealed", .plan, "the note on children as next of kin"),
    .init("plan_versions", "close_reason_sealed", .plan, "why a plan was closed"),
    .init("plan_goals", "text_sealed", .plan, "a goal in the recipient's words"),
    .init("plan_measures", "description_sealed", .plan, "a measure: what is done"),
    .init("plan_measures", "extent_sealed", .plan, "a measure's extent"),
    .init(
      "plan_contract_elements", "frequency_sealed", .plan,
      "how often an element of a substance contract happens"),
    .init("plan_references", "reference_sealed", .plan, "a reference to another plan or agreement"),
    .init("plan_comments", "text_sealed", .plan, "a comment of the recipient or a relative"),
    .init("plan_revisions", "evaluation_sealed", .plan, "the evaluation at a plan revision"),
    .init(
      "life_domain_scores", "score_sealed", .plan,
      "a Brukerplan life-domain score (green, yellow, red)"),
    .init("notices", "note_sealed", .plan, "a notice's note to the coordinating unit"),
    .init("group_members", "name_sealed", .group, "an external member's or relative's name"),
    .init("group_members", "role_sealed", .group, "a member's role in the group"),
    .init("group_members", "organisation_sealed", .group, "an external member's organisation"),
    .init("group_members", "contact_sealed", .group, "an external member's contact data"),
    .init("meetings", "agenda_sealed", .group, "a meeting's agenda"),
    .init("meeting_minutes", "text_sealed", .group, "the minutes of a meeting"),
    .init("meeting_decisions", "text_sealed", .group, "a decision of a meeting"),
    .init("meeting_action_items", "text_sealed", .group, "an action item of a meeting"),
    .init("handovers", "notes_sealed", .handover, "notes for the receiver of a handover"),
    .init("handovers", "reason_sealed", .handover, "why a handover was rejected or withdrawn"),
    .init("handover_checklist_items", "label_sealed", .handover, "a handover checklist item"),
  ]

  private static let registered = Set(all.map { "\($0.table).\($0.column)" })

  /// Whether the column is in the registry.
  public static func contains(table: String, column: String) -> Bool {
    registered.contains("\(table).\(column)")
  }
}
