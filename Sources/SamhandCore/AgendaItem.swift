/// One thing on a staff member's agenda. Every kind has the same shape — what, whose
/// recipient, which record, by when, late or not — so the CLI, the HTTP API and the gate
/// treat them alike, and the handover kinds can join without changing the shape.
public struct AgendaItem: Sendable, Hashable, Codable {
  /// What needs doing. The handover kinds (a handover awaiting me, my outgoing handover not
  /// yet accepted, an open checklist item, an overdue handover) join this list with the
  /// handover store, each with its category `handover`.
  public enum Kind: String, Sendable, Codable, CaseIterable, Comparable {
    /// A plan the actor coordinates is due for revision.
    case planRevision = "plan-revision"
    /// A group the actor leads or belongs to should meet.
    case groupMeeting = "group-meeting"
    /// A consent of a recipient the actor is responsible for is about to end.
    case consentEnding = "consent-ending"
    /// An action item the actor owns is due.
    case actionItem = "action-item"

    /// The category of information the item shows; the gate decides each recipient on it.
    public var category: InformationCategory {
      switch self {
      case .planRevision: return .plan
      case .groupMeeting, .actionItem: return .group
      case .consentEnding: return .identity
      }
    }

    /// What `subject` is the id of.
    public var subjectKind: String {
      switch self {
      case .planRevision: return "plan"
      case .groupMeeting: return "group"
      case .consentEnding: return "consent"
      case .actionItem: return "action item"
      }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
      (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
  }

  public let kind: Kind
  public let recipient: RecipientID
  /// The id of the plan, group, consent or action item (see `Kind.subjectKind`).
  public let subject: String
  public let due: CalendarDate
  public let overdue: Bool

  public init(
    kind: Kind, recipient: RecipientID, subject: String, due: CalendarDate, overdue: Bool
  ) {
    self.kind = kind
    self.recipient = recipient
    self.subject = subject
    self.due = due
    self.overdue = overdue
  }
}
