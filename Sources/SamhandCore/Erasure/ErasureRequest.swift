import Foundation

/// A request to erase one recipient (GDPR art. 17, DOMAIN L27): made by care staff, decided
/// by a leader of the registering service who is not the requester (four eyes). Approval
/// destroys the recipient's data key; the request stays, with the key version that wrapped it,
/// so the operator knows which key-encryption key to retire for backups to lose it too.
///
/// ```swift
/// let request = try store.erasureRequest(id)
/// try request.checkDecidable(by: leader)   // refuses the requester and a decided request
/// ```
public struct ErasureRequest: Sendable, Equatable, Encodable {
  public let id: ErasureRequestID
  public let recipientID: RecipientID
  public let ground: ErasureGround
  /// Why, in the requester's words; sealed under the recipient's data key, so it reads as
  /// erased once the request is approved.
  public let reason: Protected<String>
  public let requestedBy: StaffID
  public let requestedAt: Date
  public let status: ErasureStatus
  public let decidedBy: StaffID?
  public let decidedAt: Date?
  /// The leader's reason for a rejection; sealed like `reason`.
  public let rejectionReason: Protected<String?>
  /// The key-encryption key version that wrapped the destroyed data key (approved only).
  public let kekVersion: Int?

  public init(
    id: ErasureRequestID, recipientID: RecipientID, ground: ErasureGround,
    reason: Protected<String>, requestedBy: StaffID, requestedAt: Date, status: ErasureStatus,
    decidedBy: StaffID?, decidedAt: Date?, rejectionReason: Protected<String?>, kekVersion: Int?
  ) {
    self.id = id
    self.recipientID = recipientID
    self.ground = ground
    self.reason = reason
    self.requestedBy = requestedBy
    self.requestedAt = requestedAt
    self.status = status
    self.decidedBy = decidedBy
    self.decidedAt = decidedAt
    self.rejectionReason = rejectionReason
    self.kekVersion = kekVersion
  }

  /// Four eyes: only a pending request is decided, and never by the staff member who made it.
  public func checkDecidable(by staff: StaffID) throws(ErasureError) {
    guard status == .pending else { throw .alreadyDecided(id, status) }
    try Self.checkFourEyes(requestedBy: requestedBy, decidedBy: staff)
  }

  /// The staff member who asked for an erasure never decides it.
  public static func checkFourEyes(requestedBy: StaffID, decidedBy: StaffID) throws(ErasureError) {
    guard decidedBy != requestedBy else { throw .requesterCannotDecide }
  }
}

/// Why a recipient may be erased (GDPR art. 17(1)).
public enum ErasureGround: String, Sendable, Codable, CaseIterable {
  /// The record should never have existed (wrong person, mistyped national id): art. 17(1)(d).
  case registeredInError = "registered-in-error"
  /// The retention period has run out: art. 17(1)(a).
  case retentionExpired = "retention-expired"
  /// The recipient objected and no overriding ground to keep the record remains: art. 17(1)(c).
  case objection

  public init(parsing text: String) throws(ErasureError) {
    guard let ground = Self(rawValue: text) else { throw .unknownGround(text) }
    self = ground
  }
}

/// Where an erasure request stands.
public enum ErasureStatus: String, Sendable, Codable, CaseIterable {
  case pending, approved, rejected
}
