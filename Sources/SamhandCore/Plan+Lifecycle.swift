/// The plan's lifecycle rules: draft → active → closed (invariant 5, L2, L3). Pure checks,
/// called by the service inside the gate's transaction with what the store found.
extension Plan.Status {
  /// Checks that a plan in this status may become active, and returns the consent it rests on.
  /// `otherActive` is the recipient's other active plan, if any; `liveConsent` a live consent
  /// covering the `plan` category, if any.
  public func activation(otherActive: PlanID?, liveConsent: ConsentID?) throws(PlanError)
    -> ConsentID
  {
    guard self == .draft else { throw .notDraft(status: self) }
    if let otherActive { throw .anotherActivePlan(otherActive) }
    guard let liveConsent else { throw .noConsent }
    return liveConsent
  }

  /// Checks that a plan in this status may still change (content, goals, measures, close).
  public func checkEditable() throws(PlanError) {
    if self == .closed { throw .closed("the plan") }
  }
}

/// Why a plan is closed; validated before anything is written.
public struct CloseReason: Sendable, Equatable {
  public let text: String

  public init(_ text: String) throws(PlanError) {
    guard !text.trimmingSpaces.isEmpty else { throw .emptyField("the reason for closing") }
    self.text = text
  }
}
