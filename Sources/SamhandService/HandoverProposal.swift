import Foundation
import SamhandCore

/// A handover as the proposer asks for it, in the words they typed: the service checks every
/// field (kind, mode, dates by its own clock, the receiver) and audits a refusal, so that bad
/// input from the CLI and from HTTP is refused alike.
public struct HandoverProposal: Sendable, Equatable {
  public var recipient: RecipientID
  public var kind: String
  public var mode: String
  public var toStaff: StaffID?
  public var toService: String?
  /// `YYYY-MM-DD`, a date in Europe/Oslo.
  public var plannedDate: String
  public var notes: String?
  /// Keep it as a draft instead of proposing it at once.
  public var draft: Bool

  public init(
    recipient: RecipientID, kind: String, mode: String, toStaff: StaffID?,
    toService: String? = nil, plannedDate: String, notes: String? = nil, draft: Bool = false
  ) {
    self.recipient = recipient
    self.kind = kind
    self.mode = mode
    self.toStaff = toStaff
    self.toService = toService
    self.plannedDate = plannedDate
    self.notes = notes
    self.draft = draft
  }

  /// The proposal checked on `today`: known kind and mode, a receiver, a planned date not in
  /// the past, not to the proposer themselves.
  func checked(by actor: StaffID, on today: CalendarDate) throws -> Checked {
    let kind = try Self.domain { () throws(HandoverError) in try HandoverKind(parsing: self.kind) }
    guard let mode = HandoverMode(rawValue: self.mode) else {
      throw ServiceError.invalid("unknown handover mode '\(self.mode)' (known: transfer, referral)")
    }
    let service = try toService.map { code in
      try Self.domain { () throws(DomainError) in try ServiceCode(code) }
    }
    guard toStaff != nil || service != nil else {
      throw ServiceError.invalid("name the receiver: a staff member, a service or both")
    }
    if kind == .coordinatorChange {
      guard mode == .transfer, toStaff != nil else {
        throw ServiceError.invalid(
          "a coordinator-change is a transfer to a named staff member (--mode transfer --to-staff)")
      }
    }
    guard toStaff != actor else {
      throw ServiceError.invalid(HandoverError.selfHandover.description)
    }
    let planned = try Self.domain { () throws(DomainError) in
      try CalendarDate(parsing: self.plannedDate)
    }
    guard planned >= today else {
      throw ServiceError.invalid(
        "\(HandoverError.plannedDateInPast) (\(planned), today is \(today))")
    }
    let text = notes?.trimmingCharacters(in: .whitespacesAndNewlines)
    return Checked(
      kind: kind, mode: mode, toService: service, planned: planned,
      notes: text?.isEmpty == false ? text : nil)
  }

  struct Checked {
    let kind: HandoverKind
    let mode: HandoverMode
    let toService: ServiceCode?
    let planned: CalendarDate
    let notes: String?
  }

  static func domain<T, E: Error & CustomStringConvertible>(_ body: () throws(E) -> T)
    throws(ServiceError) -> T
  {
    do {
      return try body()
    } catch {
      throw .invalid(error.description)
    }
  }
}
