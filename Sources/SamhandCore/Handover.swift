import Foundation

/// A transition of responsibility or access between services — discharge to aftercare,
/// release from prison, turning 18, moving, a coordinator leaving — made explicit so that
/// responsibility is never held by nobody and never by two: the sender keeps it until the
/// receiver accepts.
///
/// ```swift
/// var state = HandoverState.draft
/// state = try state.applying(.propose, by: .sender)
/// state = try state.applying(.accept, by: .receiver)   // responsibility moves now
/// ```
public struct Handover: Sendable, Equatable, Encodable {
  public let id: HandoverID
  public let recipientID: RecipientID
  public let kind: HandoverKind
  public let mode: HandoverMode
  public let fromStaff: StaffID
  public let fromService: ServiceCode
  public let toStaff: StaffID?
  public let toService: ServiceCode
  public let plannedDate: CalendarDate
  public let proposedOn: CalendarDate?
  public let state: HandoverState

  enum CodingKeys: String, CodingKey {
    case id, kind, mode, fromStaff, fromService, toStaff, toService, plannedDate, proposedOn
    case state
    case recipientID = "recipientId"
  }

  public init(
    id: HandoverID, recipientID: RecipientID, kind: HandoverKind, mode: HandoverMode,
    fromStaff: StaffID, fromService: ServiceCode, toStaff: StaffID?, toService: ServiceCode,
    plannedDate: CalendarDate, proposedOn: CalendarDate?, state: HandoverState
  ) {
    self.id = id
    self.recipientID = recipientID
    self.kind = kind
    self.mode = mode
    self.fromStaff = fromStaff
    self.fromService = fromService
    self.toStaff = toStaff
    self.toService = toService
    self.plannedDate = plannedDate
    self.proposedOn = proposedOn
    self.state = state
  }
}

/// Why a handover happens; each kind has its own default checklist.
public enum HandoverKind: String, Sendable, Codable, CaseIterable {
  case dischargeToAftercare = "discharge-to-aftercare"
  case prisonRelease = "prison-release"
  case turning18 = "turning-18"
  case relocation
  case coordinatorChange = "coordinator-change"
  case serviceTransfer = "service-transfer"

  public init(parsing text: String) throws(HandoverError) {
    guard let kind = HandoverKind(rawValue: text) else { throw .unknownKind(text) }
    self = kind
  }

  /// Kinds where too short a notice endangers the person (L10, L11), so it is flagged.
  public var flagsLateNotice: Bool { self == .dischargeToAftercare || self == .prisonRelease }
}

/// `transfer` moves responsibility (coordinator, plan ownership) on acceptance; `referral`
/// shares access for the purpose while the sender keeps responsibility.
public enum HandoverMode: String, Sendable, Codable, CaseIterable {
  case transfer
  case referral
}
