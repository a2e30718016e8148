import SamhandCore
import SamhandStore

/// A list the gate serves (the caseload, the agenda, an inbox, the overdue lists): the
/// categories of records it shows, how the store finds its candidates among the recipients
/// the policies could allow, and what each candidate is a look at.
struct ListQuery<Candidate> {
  /// The list's name in the audit log, e.g. `caseload`.
  let name: String
  /// The categories of records the list shows; the narrowing is computed for each.
  let categories: [InformationCategory]
  /// Candidates in list order after the one whose key is `after` (all when nil), at most
  /// `limit`, among the recipients `visible` admits.
  let fetch:
    (
      _ transaction: StoreTransaction, _ staff: Staff, _ visible: RecipientNarrowing,
      _ after: String?, _ limit: Int
    ) throws -> [Candidate]
  /// What showing the candidate is a look at.
  let target: (Candidate) -> GateTarget
  /// The candidate's place in the list, for the cursor of the next page.
  var key: (Candidate) -> String = { _ in "" }
  /// For a list only some may use and whose existence is no secret (the coordinating unit's
  /// overview): what to answer, instead of an empty list, an actor the policies could allow
  /// no record of the list's categories (a 403).
  var reserved: ServiceError? = nil
}

/// Which page of a list: after a cursor the previous page gave, at most `limit` items; no
/// limit means the whole list.
public struct ListPageRequest: Sendable, Equatable {
  public let after: String?
  public let limit: Int?

  public init(after: String? = nil, limit: Int? = nil) {
    self.after = after
    self.limit = limit
  }

  public static let whole = ListPageRequest()
}

/// One page of a list and the cursor of the next, nil when the list has ended.
public struct ListPage<Item: Sendable>: Sendable {
  public let items: [Item]
  public let next: String?

  public init(items: [Item], next: String?) {
    self.items = items
    self.next = next
  }
}
