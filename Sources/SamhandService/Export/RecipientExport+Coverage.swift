import Foundation

/// Where each table that holds something about a recipient lands in the export (the JSON
/// member), or why it is left out. `RecipientExportTests` compares these with the schema's
/// recipient tables, so a table added later fails the suite until the export covers it.
extension RecipientExport {
  public static let tableSections: [String: String] = [
    "recipients": "recipient", "relatives": "recipient", "recipient_versions": "identityVersions",
    "consents": "consents", "consent_services": "consents", "consent_staff": "consents",
    "consent_categories": "consents", "blocks": "blocks", "block_categories": "blocks",
    "plans": "plans", "plan_versions": "plans", "plan_coordinators": "plans",
    "plan_goals": "plans", "plan_goal_statuses": "plans", "plan_measures": "plans",
    "plan_measure_goals": "plans", "plan_measure_statuses": "plans",
    "plan_contract_elements": "plans", "plan_references": "plans", "plan_comments": "plans",
    "plan_revisions": "plans", "groups": "groups", "group_versions": "groups",
    "group_members": "groups", "meetings": "groups", "meeting_minutes": "groups",
    "meeting_attendees": "groups", "meeting_decisions": "groups",
    "meeting_action_items": "groups", "handovers": "handovers", "handover_events": "handovers",
    "handover_checklist_items": "handovers", "life_domain_scores": "lifeDomainScores",
    "responsibilities": "responsibilities", "assignments": "assignments",
    "break_glass_grants": "breakGlassGrants", "notices": "notices",
    "erasure_requests": "erasureRequests", "legal_holds": "legalHolds",
    "audit_entries": "accessLog",
  ]

  /// Recipient tables that hold nothing about the person to hand over, and why.
  public static let tablesLeftOut: [String: String] = [
    "recipient_keys": "the recipient's wrapped data key: key material, not information",
    "shredded_keys": "the order erased recipients' keys were destroyed in (operations only)",
    "report_plan_facts":
      "each plan's first activation and closing and its service, copied from the plans for reports",
  ]
}
