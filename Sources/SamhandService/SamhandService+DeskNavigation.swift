import SamhandCore

/// Which of the auditor's desk pages a staff member may open, so the desk offers only those
/// (`/desk/audit/break-glass`, `/desk/audit/verify`, `/desk/audit/staff`).
public struct AuditPageAccess: Sendable, Equatable {
  /// The audit log as a whole: its verification and whom a staff member looked at.
  public let readAuditLog: Bool
  /// The break-glass review queue.
  public let reviewBreakGlass: Bool

  public static let none = AuditPageAccess(readAuditLog: false, reviewBreakGlass: false)
}

extension SamhandService {
  /// Decides, from the same policies and with the same actions and target as the audit pages'
  /// use cases (`readAudit` and `reviewBreakGlass` on the audit log), whether the actor may
  /// open them. Not audited: rendering a menu reads nothing (`Gate.wouldAllow`).
  public func auditPageAccess(as actor: Actor, options: RequestOptions) throws -> AuditPageAccess {
    AuditPageAccess(
      readAuditLog: try gate.wouldAllow(
        request(actor, .readAudit, "audit.verify", options), on: .auditLog),
      reviewBreakGlass: try gate.wouldAllow(
        request(actor, .reviewBreakGlass, "break-glass.list", options), on: .auditLog))
  }
}
