import Foundation

/// A block (sperring): the recipient forbids a named staff member or a whole service from
/// some or all categories of their information. It binds existing and future entries and
/// wins over every permit, emergency access included.
public struct Block: Sendable, Equatable, Encodable {
  /// Whom the block shuts out.
  public enum Target: Sendable, Equatable, Encodable {
    case staff(StaffID)
    case service(ServiceCode)
  }

  public let id: BlockID
  public let recipientID: RecipientID
  public let target: Target
  /// Empty means every category.
  public let categories: [InformationCategory]
  public let reason: Protected<String?>
  public let createdBy: StaffID
  public let createdAt: Date
  public let liftedAt: Date?

  public init(
    id: BlockID, recipientID: RecipientID, target: Target, categories: [InformationCategory],
    reason: Protected<String?>, createdBy: StaffID, createdAt: Date, liftedAt: Date?
  ) {
    self.id = id
    self.recipientID = recipientID
    self.target = target
    self.categories = categories
    self.reason = reason
    self.createdBy = createdBy
    self.createdAt = createdAt
    self.liftedAt = liftedAt
  }

  public var isLive: Bool { liftedAt == nil }

  /// Whether the block speaks of `category`.
  public func covers(_ category: InformationCategory) -> Bool {
    categories.isEmpty || categories.contains(category)
  }
}

/// Emergency access (nødtilgang): a time-limited read of one recipient with a stated reason,
/// flagged in the audit log and reviewed afterwards.
public struct BreakGlassGrant: Sendable, Equatable, Encodable {
  public enum ReviewOutcome: String, Sendable, Codable, CaseIterable { case accepted, questioned }

  public let id: BreakGlassID
  public let recipientID: RecipientID
  public let staffID: StaffID
  public let reason: Protected<String>
  public let grantedAt: Date
  public let expiresAt: Date
  public let reviewedAt: Date?
  public let reviewedBy: StaffID?
  public let reviewOutcome: ReviewOutcome?
  public let reviewComment: Protected<String?>

  public init(
    id: BreakGlassID, recipientID: RecipientID, staffID: StaffID, reason: Protected<String>,
    grantedAt: Date, expiresAt: Date, reviewedAt: Date?, reviewedBy: StaffID?,
    reviewOutcome: ReviewOutcome?, reviewComment: Protected<String?>
  ) {
    self.id = id
    self.recipientID = recipientID
    self.staffID = staffID
    self.reason = reason
    self.grantedAt = grantedAt
    self.expiresAt = expiresAt
    self.reviewedAt = reviewedAt
    self.reviewedBy = reviewedBy
    self.reviewOutcome = reviewOutcome
    self.reviewComment = reviewComment
  }

  public func isLive(at instant: Date) -> Bool { grantedAt <= instant && instant < expiresAt }
}

/// A next of kin (pårørende). Children are flagged so that their need for follow-up is seen
/// (helsepersonelloven §10a).
public struct Relative: Sendable, Equatable, Encodable {
  public let id: RelativeID
  public let name: Protected<String>
  public let relation: Protected<String>
  public let contact: Protected<String?>
  public let isChild: Bool

  public init(
    id: RelativeID, name: Protected<String>, relation: Protected<String>,
    contact: Protected<String?>, isChild: Bool
  ) {
    self.id = id
    self.name = name
    self.relation = relation
    self.contact = contact
    self.isChild = isChild
  }
}

/// A next of kin as entered.
public struct NewRelative: Sendable, Equatable, Codable {
  public let name: String
  public let relation: String
  public let contact: String?
  public let isChild: Bool

  public init(name: String, relation: String, contact: String? = nil, isChild: Bool = false) {
    self.name = name
    self.relation = relation
    self.contact = contact
    self.isChild = isChild
  }
}
