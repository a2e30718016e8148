import Foundation
import SamhandAudit
import SamhandService

/// One line of a recipient's access log (schema `AccessLogEntry`).
struct AccessLogRepresentation: Encodable, Sendable {
  let time: Date
  let staffId: String
  let staffName: String?
  let service: String?
  let action: String
  let purpose: String?
  let breakGlass: Bool
  let allowed: Bool
  let osUser: String?
  let policyDigest: String?

  init(_ entry: AccessLogEntry) {
    time = entry.time
    staffId = entry.staffID
    staffName = entry.staffName
    service = entry.service
    action = entry.action
    purpose = entry.purpose
    breakGlass = entry.breakGlass
    allowed = entry.allowed
    osUser = entry.osUser
    policyDigest = entry.policyDigest
  }
}

/// The outcome of verifying the audit log (schema `AuditVerification`).
struct AuditVerificationRepresentation: Encodable, Sendable {
  struct ProblemRepresentation: Encodable, Sendable {
    let sequence: Int64?
    let kind: String
    let detail: String
  }

  let intact: Bool
  let entriesChecked: Int64
  let checkpointsChecked: Int
  let headSequence: Int64?
  let problem: ProblemRepresentation?
  /// The Merkle tree and its newest signed checkpoint (docs/audit-log.md).
  let auditTree: InstallationStatus.AuditTree

  init(_ report: AuditVerificationReport, tree: InstallationStatus.AuditTree) {
    auditTree = tree
    intact = report.intact
    entriesChecked = report.entriesChecked
    checkpointsChecked = report.checkpointsChecked
    headSequence = report.head?.sequence
    problem = report.problem.map {
      ProblemRepresentation(sequence: $0.sequence, kind: $0.kind.rawValue, detail: $0.detail)
    }
  }
}
