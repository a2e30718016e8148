/// One thing on a staff member's agenda. Every kind has the same shape — what, whose
/// recipient, which record, by when, late or not — so the CLI, the HTTP API and the gate
/// treat them alike, and the handover kinds can join without changing the shape.
public struct AgendaItem: Sendable, Hashable, Codable {
  /// What needs doing. A handover past its planned date and not yet accepted shows as an
  /// overdue `handover-awaiting` on the receiver's agenda and an overdue `handover-outgoing`
  /// on the sender's: overdue on both sides, once each.
  public enum Kind: String, Sendable, Codable, CaseIterable, Comparable {
    /// A plan the actor coordinates is due for revision.
    case planRevision = "plan-revision"
    /// A group the actor leads or belongs to should meet.
    case groupMeeting = "group-meeting"
    /// A consent of a recipient the actor is responsible for is about to end.
    case consentEnding = "consent-ending"
    /// An action item the actor owns is due.
    case actionItem = "action-item"
    /// A proposed handover named to the actor, or to their service with no one named.
    case handoverAwaiting = "handover-awaiting"
    /// The actor's own handover, drafted or proposed, not yet accepted.
    case handoverOutgoing = "handover-outgoing"
    /// An open checklist item of a handover the actor sends or receives; its subject is
    /// `<handover id>/<item key>`.
    case handoverChecklist = "handover-checklist"
    /// A recipient the actor is responsible for turns 18 (DOMAIN L12): adult services must
    /// be named before the birthday.
    case turning18 = "turning-18"

    /// The category of information the item shows; the gate decides each recipient on it.
    public var category: InformationCategory {
      switch self {
      case .planRevision: return .plan
      case .groupMeeting, .actionItem: return .group
      case .consentEnding, .turning18: return .identity
      case .handoverAwaiting, .handoverOutgoing, .handoverChecklist: return .handover
      }
    }

    /// What `subject` is the id of.
    public var subjectKind: String {
      switch self {
      case .planRevision: return "plan"
      case .groupMeeting: return "group"
      case .consentEnding: return "consent"
      case .actionItem: return "action item"
      case .handoverAwaiting, .handoverOutgoing: return "handover"
      case .handoverChecklist: return "checklist item"
      case .turning18: return "recipient"
      }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
      (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
  }

  public let kind: Kind
  public let recipient: RecipientID
  /// The id of the plan, group, consent, action item, handover or recipient (see
  /// `Kind.subjectKind`).
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
