import Foundation
import SamhandCore

/// An emergency access grant as the API shows it (schema `BreakGlassGrant`).
struct BreakGlassRepresentation: Encodable, Sendable {
  let id: String
  let recipientId: String
  let staffId: String
  let reason: String
  let grantedAt: Date
  let expiresAt: Date
  let reviewedAt: Date?
  let reviewedBy: String?
  let reviewOutcome: String?
  let reviewComment: String?

  init(_ grant: BreakGlassGrant) {
    id = grant.id.rawValue
    recipientId = grant.recipientID.rawValue
    staffId = grant.staffID.rawValue
    reason = grant.reason.text
    grantedAt = grant.grantedAt
    expiresAt = grant.expiresAt
    reviewedAt = grant.reviewedAt
    reviewedBy = grant.reviewedBy?.rawValue
    reviewOutcome = grant.reviewOutcome?.rawValue
    reviewComment = grant.reviewComment.text
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(recipientId, forKey: .recipientId)
    try container.encode(staffId, forKey: .staffId)
    try container.encode(reason, forKey: .reason)
    try container.encode(grantedAt, forKey: .grantedAt)
    try container.encode(expiresAt, forKey: .expiresAt)
    try container.encode(reviewedAt, forKey: .reviewedAt)
    try container.encode(reviewedBy, forKey: .reviewedBy)
    try container.encode(reviewOutcome, forKey: .reviewOutcome)
    try container.encode(reviewComment, forKey: .reviewComment)
  }

  enum CodingKeys: String, CodingKey {
    case id, recipientId, staffId, reason, grantedAt, expiresAt, reviewedAt, reviewedBy
    case reviewOutcome, reviewComment
  }
}
