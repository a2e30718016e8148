/// Why an erasure cannot go ahead, said so that the user knows what to do instead.
public enum ErasureError: Error, Equatable, Sendable, CustomStringConvertible {
  case unknownGround(String)
  case reasonRequired
  case requesterCannotDecide
  case alreadyDecided(ErasureRequestID, ErasureStatus)
  case alreadyPending(ErasureRequestID)
  case alreadyErased
  /// Plans, groups or handovers still open, by kind and id.
  case openRecords([String])
  case legalHold
  /// The retention period runs until the day before this date.
  case retentionRunning(mayBeErasedOn: CalendarDate)

  public var description: String {
    switch self {
    case .unknownGround(let text):
      let known = ErasureGround.allCases.map(\.rawValue).joined(separator: ", ")
      return "unknown erasure ground '\(text)' (known: \(known))"
    case .reasonRequired:
      return "an erasure request needs a reason"
    case .requesterCannotDecide:
      return "you made this erasure request; another leader of the registering service must"
        + " decide it (four eyes)"
    case .alreadyDecided(let id, let status):
      return "erasure request \(id) has already been \(status.rawValue)"
    case .alreadyPending(let id):
      return "erasure request \(id) for this recipient is already waiting for a decision"
    case .alreadyErased:
      return "the recipient has already been erased"
    case .openRecords(let records):
      return "close or withdraw the recipient's open records first: "
        + records.joined(separator: ", ")
    case .legalHold:
      return "a legal hold keeps this record; it may not be erased until the hold is cleared"
    case .retentionRunning(let date):
      return "the record must be kept for the retention period; it may be erased on or after"
        + " \(date)"
    }
  }
}
