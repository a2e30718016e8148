import Foundation

public enum NoticeKind: IdentifierKind { public static let prefix = "n" }
public typealias NoticeID = Identifier<NoticeKind>

/// A notice to the coordinating unit that a recipient may need an individual plan or a
/// coordinator (DOMAIN L8, helsepersonelloven §38a): any service with a care relationship
/// sends one, and the unit takes it up (`accepted`) and appoints a coordinator (`assigned`).
/// Each step fills its own fields, so a notice keeps its whole history (invariant 8).
///
/// ```swift
/// let accepted = try notice.status.accepting()       // .accepted
/// let assigned = try accepted.assigning()            // .assigned
/// ```
public struct Notice: Sendable, Equatable, Encodable {
  /// What the sender thinks the recipient needs.
  public enum Need: String, Sendable, Codable, CaseIterable {
    case plan, coordinator

    public init(parsing text: String) throws(NoticeError) {
      guard let need = Need(rawValue: text) else { throw .unknownNeed(text) }
      self = need
    }
  }

  public enum Status: String, Sendable, Codable, CaseIterable {
    case open, accepted, assigned

    /// The unit takes the notice up; only an open notice can be accepted.
    public func accepting() throws(NoticeError) -> Status {
      guard self == .open else { throw .alreadyTakenUp(self) }
      return .accepted
    }

    /// The unit appoints a coordinator; once per notice (a later change of coordinator is a
    /// coordinator-change handover like any other).
    public func assigning() throws(NoticeError) -> Status {
      guard self != .assigned else { throw .alreadyTakenUp(self) }
      return .assigned
    }
  }

  public let id: NoticeID
  public let recipientID: RecipientID
  public let need: Need
  /// Free text from the sender to the unit, sealed under the recipient's data key.
  public let note: Protected<String?>
  public let fromStaff: StaffID
  public let fromService: ServiceCode
  public let sentAt: Date
  public let status: Status
  public let acceptedBy: StaffID?
  public let acceptedAt: Date?
  /// The coordinator the unit appointed.
  public let coordinator: StaffID?
  /// The coordinator-change handover that moves responsibility to `coordinator`; nil when
  /// they already held it.
  public let handoverID: HandoverID?
  public let assignedBy: StaffID?
  public let assignedAt: Date?

  enum CodingKeys: String, CodingKey {
    case id, need, note, fromStaff, fromService, sentAt, status, acceptedBy, acceptedAt
    case coordinator, assignedBy, assignedAt
    case recipientID = "recipientId"
    case handoverID = "handoverId"
  }

  public init(
    id: NoticeID, recipientID: RecipientID, need: Need, note: Protected<String?>,
    fromStaff: StaffID, fromService: ServiceCode, sentAt: Date, status: Status,
    acceptedBy: StaffID?, acceptedAt: Date?, coordinator: StaffID?, handoverID: HandoverID?,
    assignedBy: StaffID?, assignedAt: Date?
  ) {
    self.id = id
    self.recipientID = recipientID
    self.need = need
    self.note = note
    self.fromStaff = fromStaff
    self.fromService = fromService
    self.sentAt = sentAt
    self.status = status
    self.acceptedBy = acceptedBy
    self.acceptedAt = acceptedAt
    self.coordinator = coordinator
    self.handoverID = handoverID
    self.assignedBy = assignedBy
    self.assignedAt = assignedAt
  }
}

/// Why a notice step was refused, in words the user can act on.
public enum NoticeError: Error, Equatable, Sendable, CustomStringConvertible {
  case unknownNeed(String)
  case alreadyTakenUp(Notice.Status)

  public var description: String {
    switch self {
    case .unknownNeed(let text):
      let known = Notice.Need.allCases.map(\.rawValue).joined(separator: ", ")
      return "unknown need '\(text)' (known: \(known))"
    case .alreadyTakenUp(.assigned):
      return "the notice has a coordinator already; a later change is a coordinator-change "
        + "handover (samhand handover propose --kind coordinator-change)"
    case .alreadyTakenUp(let status):
      return "the notice is \(status.rawValue) already"
    }
  }
}
