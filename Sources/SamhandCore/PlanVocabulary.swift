/// A closed list of names the plan and group use (statuses, kinds): parsed from text with an
/// error that names the valid ones.
///
/// ```swift
/// let status = try Goal.Status(parsing: "achieved")
/// ```
public protocol PlanVocabulary: RawRepresentable, CaseIterable, Sendable where RawValue == String {
  /// What the value is called in an error message, e.g. "goal status".
  static var fieldName: String { get }
}

extension PlanVocabulary {
  public init(parsing text: String) throws(PlanError) {
    guard let value = Self(rawValue: text) else {
      throw .unknownValue(field: Self.fieldName, value: text, known: Self.allCases.map(\.rawValue))
    }
    self = value
  }
}
