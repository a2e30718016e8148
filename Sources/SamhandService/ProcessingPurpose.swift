/// Why Samhand processes personal data, as the record of processing (GDPR art. 30(1)(b))
/// names it. Every policy action serves one purpose, so a new action cannot be added without
/// saying what it is for.
public enum ProcessingPurpose: String, Sendable, CaseIterable, Encodable {
  case coordinatedServices = "coordinated-services"
  case coordinatingUnit = "coordinating-unit"
  case emergencyAccess = "emergency-access"
  case accessControl = "access-control"
  case recipientRights = "recipient-rights"
  case planningStatistics = "planning-statistics"

  /// The purpose the action serves.
  public static func of(_ action: PolicyAction) -> ProcessingPurpose {
    switch action {
    case .view, .create, .update, .register, .assign: return .coordinatedServices
    case .overview, .coordinate: return .coordinatingUnit
    case .breakGlass: return .emergencyAccess
    case .readAudit, .reviewBreakGlass: return .accessControl
    case .report: return .planningStatistics
    case .export, .requestErasure, .erase, .reviewErasure, .legalHold: return .recipientRights
    }
  }

  /// The actions that serve this purpose.
  public var actions: [PolicyAction] { PolicyAction.allCases.filter { Self.of($0) == self } }

  /// The purpose in a sentence, with the requirements (DOMAIN.md) it answers.
  public var summary: String {
    switch self {
    case .coordinatedServices:
      return "Coordinated services for the recipient: consent, individual plan, coordinator, "
        + "responsibility group, handovers between services, next of kin (L1-L7, L9-L19, L24)"
    case .coordinatingUnit:
      return "The coordinating unit's overview of plans and coordinators, its intake of "
        + "notices and its appointment of coordinators (L8)"
    case .emergencyAccess:
      return "Time-limited emergency access with a stated reason, reviewed afterwards (L20)"
    case .accessControl:
      return "Access control, the audit log, the recipient's access log and the review of "
        + "emergency access (L15-L17, L21-L23, L29)"
    case .recipientRights:
      return "The recipient's rights: a copy of everything held (innsyn, GDPR art. 15 and 20), "
        + "rectification and erasure (art. 16 and 17; L24-L27)"
    case .planningStatistics:
      return "Aggregate reports for the municipality's planning and internal control, with "
        + "every small count suppressed and no identifier (L30-L32)"
    }
  }
}
