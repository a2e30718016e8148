import Foundation
import SamhandCore
import SamhandService

/// An erasure request as the API shows it (schema `ErasureRequest`), and as `samhand erasure
/// status --json` prints it: the request, and once approved, what the operator must still do
/// for backups taken before it to lose the recipient's data key (`backups`).
public struct ErasureRepresentation: Encodable, Sendable {
  /// Schema `BackupErasure`.
  struct Backups: Encodable, Sendable {
    let kekVersion: Int
    let versionsToRetire: [Int]
    let retireOnOrAfter: String
    let complete: Bool
    let instruction: String
  }

  let id: String
  let recipientId: String
  let ground: String
  let reason: String
  let status: String
  let requestedBy: String
  let requestedAt: Date
  let decidedBy: String?
  let decidedAt: Date?
  let rejectionReason: String?
  let backups: Backups?

  public init(_ report: ErasureReport) {
    let request = report.request
    id = request.id.rawValue
    recipientId = request.recipientID.rawValue
    ground = request.ground.rawValue
    reason = request.reason.text
    status = request.status.rawValue
    requestedBy = request.requestedBy.rawValue
    requestedAt = request.requestedAt
    decidedBy = request.decidedBy?.rawValue
    decidedAt = request.decidedAt
    rejectionReason = request.rejectionReason.text
    backups = report.backups.map {
      Backups(
        kekVersion: $0.kekVersion, versionsToRetire: $0.versionsToRetire,
        retireOnOrAfter: $0.retireOnOrAfter.description, complete: $0.isComplete,
        instruction: $0.instruction)
    }
  }

  /// One line for the terminal.
  public var line: String {
    "\(id)  \(recipientId)  \(ground)  \(status)  requested by \(requestedBy)"
      + (decidedBy.map { " decided by \($0)" } ?? "")
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(recipientId, forKey: .recipientId)
    try container.encode(ground, forKey: .ground)
    try container.encode(reason, forKey: .reason)
    try container.encode(status, forKey: .status)
    try container.encode(requestedBy, forKey: .requestedBy)
    try container.encode(requestedAt, forKey: .requestedAt)
    try container.encode(decidedBy, forKey: .decidedBy)
    try container.encode(decidedAt, forKey: .decidedAt)
    try container.encode(rejectionReason, forKey: .rejectionReason)
    try container.encode(backups, forKey: .backups)
  }

  enum CodingKeys: String, CodingKey {
    case id, recipientId, ground, reason, status, requestedBy, requestedAt, decidedBy
    case decidedAt, rejectionReason, backups
  }
}

/// A recipient whose retention has run out (schema `RetentionDue`): ids and dates only.
public struct RetentionDueRepresentation: Encodable, Sendable {
  let recipientId: String
  let retentionStart: String
  let mayBeErasedOn: String

  public init(_ due: RetentionDue) {
    recipientId = due.recipientID.rawValue
    retentionStart = due.retentionStart.description
    mayBeErasedOn = due.mayBeErasedOn.description
  }

  public var line: String { "\(recipientId)\t\(retentionStart)\t\(mayBeErasedOn)" }
}
