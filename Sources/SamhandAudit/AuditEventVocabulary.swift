/// The policy decision the gate reached for the audited request; `notEvaluated` marks actions
/// that never reach the policy engine (operator commands, system jobs).
public enum AuditDecision: String, Sendable, Codable, CaseIterable {
  case allow
  case deny
  case notEvaluated = "not-evaluated"
}

/// Where an audited request came from, so an auditor can tell CLI work from HTTP traffic.
public enum AuditChannel: String, Sendable, Codable, CaseIterable {
  case cli
  case http
  case system
}

/// How the audited operation ended; a denied request is audited as well as a successful one.
public enum AuditOutcome: String, Sendable, Codable, CaseIterable {
  case success
  case denied
  case failed
}
