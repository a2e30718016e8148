/// What needs a staff member now, in the order they should look at it: everything overdue
/// first, then by due date. Built from the items the store finds for them and the gate lets
/// them see; the rules for when an item is due live in `AgendaItem`.
public struct Agenda: Sendable, Equatable, Encodable {
  /// The Oslo calendar date the agenda was made for.
  public let today: CalendarDate
  public let items: [AgendaItem]
  /// For a leader: warnings about deactivated accounts of their services that still hold
  /// responsibility or have handovers not yet accepted, oldest first, until that is resolved.
  /// Ids only, no recipient data, so they are not gated per recipient.
  public let staffWarnings: [String]
  /// When asked for: the names of the recipients the items are about, each a look at that
  /// recipient's identity decided and audited on its own; a recipient whose identity the
  /// actor may not see is left out (their items stay, by id).
  public let recipients: [AgendaRecipient]?

  public init(
    today: CalendarDate, items: [AgendaItem], staffWarnings: [String] = [],
    recipients: [AgendaRecipient]? = nil
  ) {
    self.today = today
    self.items = items.sorted(by: Self.precedes)
    self.staffWarnings = staffWarnings
    self.recipients = recipients
  }

  /// The distinct recipients of the items, in agenda order.
  public var recipientIDs: [RecipientID] {
    var seen: Set<RecipientID> = []
    return items.map(\.recipient).filter { seen.insert($0).inserted }
  }

  /// Overdue before not overdue, then the earlier due date, then by kind and subject so that
  /// the same items always come out in the same order.
  public static func precedes(_ lhs: AgendaItem, _ rhs: AgendaItem) -> Bool {
    if lhs.overdue != rhs.overdue { return lhs.overdue }
    return (lhs.due, lhs.kind, lhs.subject, lhs.recipient)
      < (rhs.due, rhs.kind, rhs.subject, rhs.recipient)
  }

  /// The items of one kind, in agenda order.
  public func items(of kind: AgendaItem.Kind) -> [AgendaItem] {
    items.filter { $0.kind == kind }
  }
}

/// A recipient the agenda names: who an item is about, for a coordinator grouping by person.
public struct AgendaRecipient: Sendable, Equatable, Encodable {
  public let id: RecipientID
  public let name: Protected<String>

  public init(id: RecipientID, name: Protected<String>) {
    self.id = id
    self.name = name
  }
}

/// How far ahead the agenda looks. A revision, meeting or action item shows from
/// `dueWithinDays` before its date; a consent from `consentEndingWithinDays` before it ends.
public struct AgendaWindow: Sendable, Equatable {
  public var dueWithinDays: Int
  public var consentEndingWithinDays: Int

  /// Two weeks for work that is due, thirty days to renew a consent.
  public static let standard = AgendaWindow(dueWithinDays: 14, consentEndingWithinDays: 30)

  public init(dueWithinDays: Int, consentEndingWithinDays: Int) {
    self.dueWithinDays = dueWithinDays
    self.consentEndingWithinDays = consentEndingWithinDays
  }

  /// The last due date that shows on `today`'s agenda.
  public func dueHorizon(from today: CalendarDate) -> CalendarDate {
    today.adding(days: dueWithinDays)
  }

  /// The last end date of a consent that shows on `today`'s agenda.
  public func consentHorizon(from today: CalendarDate) -> CalendarDate {
    today.adding(days: consentEndingWithinDays)
  }
}
