import SamhandAudit

/// Deterministic, realistic-sized audit events, generated on the fly so that ten million of
/// them never sit in memory at once. All ids are fictional.
enum BenchEvents {
  static let actions = ["recipient.read", "plan.update", "handover.accept", "consent.add"]
  static let services = ["nav", "tsb", "psykisk-helse-rus", "fastlege"]

  static func event(_ index: Int) -> AuditEvent {
    let mixed = UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15
    return AuditEvent(
      timeMillis: 1_767_225_600_000 + Int64(index) * 250,
      actor: "staff-\(index % 4_000)",
      actorService: services[index % services.count],
      action: actions[index % actions.count],
      resourceType: "Recipient",
      resourceID: "rcp-\(index % 50_000)",
      recipientID: "rcp-\(index % 50_000)",
      decision: index % 10 == 0 ? .deny : .allow,
      policyIDs: index % 10 == 0 ? ["default-deny"] : ["care-relationship", "consent-live"],
      purpose: "follow-up",
      breakGlass: false,
      requestID: "req-" + String(mixed, radix: 16),
      channel: index % 3 == 0 ? .cli : .http,
      outcome: index % 10 == 0 ? .denied : .success)
  }
}
