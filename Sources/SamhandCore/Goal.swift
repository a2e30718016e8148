import Foundation

/// A goal of the plan in one life domain, in the recipient's words where possible (L1, L4).
/// Its status changes are kept as history; the newest is `status`.
public struct Goal: Sendable, Equatable, Encodable {
  public enum Status: String, Sendable, Codable, CaseIterable, PlanVocabulary {
    case open
    case inProgress = "in-progress"
    case achieved
    case notAchieved = "not-achieved"
    case dropped

    public static let fieldName = "goal status"

    /// The bokmål label.
    public var label: String {
      switch self {
      case .open: return "Ikke startet"
      case .inProgress: return "Pågår"
      case .achieved: return "Nådd"
      case .notAchieved: return "Ikke nådd"
      case .dropped: return "Avsluttet"
      }
    }
  }

  public let id: GoalID
  public let domain: LifeDomain
  public let text: Protected<String>
  public let targetDate: CalendarDate?
  public let status: Status
  public let addedBy: StaffID
  public let addedAt: Date

  public init(
    id: GoalID, domain: LifeDomain, text: Protected<String>, targetDate: CalendarDate?,
    status: Status, addedBy: StaffID, addedAt: Date
  ) {
    self.id = id
    self.domain = domain
    self.text = text
    self.targetDate = targetDate
    self.status = status
    self.addedBy = addedBy
    self.addedAt = addedAt
  }
}

/// A new goal; validated before anything is written.
public struct NewGoal: Sendable, Equatable {
  public let domain: LifeDomain
  public let text: String
  public let targetDate: CalendarDate?

  public init(domain: LifeDomain, text: String, targetDate: CalendarDate? = nil) throws(PlanError) {
    guard !text.trimmingSpaces.isEmpty else { throw .emptyField("the goal's text") }
    self.domain = domain
    self.text = text
    self.targetDate = targetDate
  }
}
