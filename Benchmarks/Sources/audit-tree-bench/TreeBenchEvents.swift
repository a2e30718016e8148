import SamhandAudit

/// Deterministic, realistic-sized audit events (as a server writes them: an HTTP read of
/// one recipient's record). All ids are fictional.
enum TreeBenchEvents {
  static func event(_ index: Int) -> AuditEvent {
    let mixed = UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15
    return AuditEvent(
      timeMillis: 1_767_225_600_000 + Int64(index) * 250, actor: "staff-\(index % 4_000)",
      actorService: index % 2 == 0 ? "nav" : "psykisk-helse-rus", action: "recipient.show",
      resourceType: "record", resourceID: "r-\(index % 50_000)/identity",
      recipientID: "r-\(index % 50_000)", decision: index % 10 == 0 ? .deny : .allow,
      policyIDs: index % 10 == 0 ? ["default-deny"] : ["global-permit-care-team-records"],
      purpose: "follow-up", breakGlass: false, requestID: "req-" + String(mixed, radix: 16),
      channel: .http, outcome: index % 10 == 0 ? .denied : .success,
      policyDigest: "5f1d3c0a9b7e2d4c6a8f0e1b3d5c7a9e2f4b6d8c0a1e3f5b7d9c2e4a6b8d0f1c")
  }
}
