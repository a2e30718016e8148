import Foundation

/// The plan's own fields: the recipient's own words ("what matters to me", L4), whether
/// follow-up of children as next of kin has been considered (L24), the plan period and the
/// next revision date (L1, L5). Text is sealed at rest.
public struct PlanContent: Sendable, Equatable, Encodable {
  public let ownWords: Protected<String?>
  public let childrenNote: Protected<String?>
  public let periodFrom: CalendarDate?
  public let periodUntil: CalendarDate?
  public let nextRevision: CalendarDate?

  public init(
    ownWords: Protected<String?>, childrenNote: Protected<String?>, periodFrom: CalendarDate?,
    periodUntil: CalendarDate?, nextRevision: CalendarDate?
  ) {
    self.ownWords = ownWords
    self.childrenNote = childrenNote
    self.periodFrom = periodFrom
    self.periodUntil = periodUntil
    self.nextRevision = nextRevision
  }
}

/// A change of the plan's own fields; nil leaves a field as it is. Validated before writing.
public struct PlanContentChange: Sendable, Equatable {
  public let ownWords: String?
  public let childrenNote: String?
  public let periodFrom: CalendarDate?
  public let periodUntil: CalendarDate?
  public let nextRevision: CalendarDate?

  public init(
    ownWords: String? = nil, childrenNote: String? = nil, periodFrom: CalendarDate? = nil,
    periodUntil: CalendarDate? = nil, nextRevision: CalendarDate? = nil
  ) throws(PlanError) {
    if let ownWords, ownWords.trimmingSpaces.isEmpty { throw .emptyField("the own words") }
    if let childrenNote, childrenNote.trimmingSpaces.isEmpty {
      throw .emptyField("the note on children as next of kin")
    }
    if let periodFrom, let periodUntil, periodUntil < periodFrom {
      throw .endBeforeStart("the plan period")
    }
    self.ownWords = ownWords
    self.childrenNote = childrenNote
    self.periodFrom = periodFrom
    self.periodUntil = periodUntil
    self.nextRevision = nextRevision
  }

  /// Nothing to change.
  public var isEmpty: Bool {
    ownWords == nil && childrenNote == nil && periodFrom == nil && periodUntil == nil
      && nextRevision == nil
  }
}
