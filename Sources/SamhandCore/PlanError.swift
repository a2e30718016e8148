/// A rule of the individual plan or the responsibility group was broken. Each case reads as
/// one line that says what is wrong and, where it can, what to do.
public enum PlanError: Error, Equatable, Sendable, CustomStringConvertible {
  case unknownLifeDomain(String)
  case unknownScore(String)
  case unknownValue(field: String, value: String, known: [String])
  case emptyField(String)
  case endBeforeStart(String)
  case dateInFuture(String)
  case notDraft(status: Plan.Status)
  case closed(String)
  case anotherActivePlan(PlanID)
  case noConsent
  case unknownGoal(GoalID)
  case unknownMeasure(MeasureID)
  case unknownMember(GroupMemberID)
  case contractWithoutElements
  case elementsOnServiceMeasure

  public var description: String {
    switch self {
    case .unknownLifeDomain(let text):
      let known = LifeDomain.allCases.map(\.rawValue).joined(separator: ", ")
      return "unknown life domain '\(text)' (known: \(known))"
    case .unknownScore(let text):
      return "unknown score '\(text)' (known: green, yellow, red)"
    case .unknownValue(let field, let value, let known):
      return "unknown \(field) '\(value)' (known: \(known.joined(separator: ", ")))"
    case .emptyField(let field):
      return "\(field) must not be empty"
    case .endBeforeStart(let what):
      return "\(what): the end date is before the start date"
    case .dateInFuture(let what):
      return "\(what) is in the future"
    case .notDraft(let status):
      return "the plan is \(status.rawValue); only a draft plan can be activated"
    case .closed(let what):
      return "\(what) is closed; nothing more can be changed in it"
    case .anotherActivePlan(let id):
      return
        "the recipient already has an active plan (\(id)); close it first — one plan per person"
    case .noConsent:
      return "record the recipient's consent covering 'plan' before activating the plan"
    case .unknownGoal(let id):
      return "no goal \(id) in this plan"
    case .unknownMeasure(let id):
      return "no measure \(id) in this plan"
    case .unknownMember(let id):
      return "no member \(id) in this group"
    case .contractWithoutElements:
      return "a substance contract needs its elements (e.g. urine-test, group, follow-up-talk)"
    case .elementsOnServiceMeasure:
      return "only a substance contract has elements; use --kind contract"
    }
  }

  /// True for violations of the plan's state (409), false for unusable input (422).
  public var isStateConflict: Bool {
    switch self {
    case .notDraft, .closed, .anotherActivePlan, .noConsent: return true
    default: return false
    }
  }
}
