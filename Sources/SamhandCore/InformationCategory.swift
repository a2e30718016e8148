/// The kinds of information a consent, a block or a policy speaks of. Seeing that a recipient
/// exists at all needs `identity`.
public enum InformationCategory: String, Sendable, Codable, CaseIterable, Comparable {
  case identity
  case plan
  case group
  case handover
  case health
  case substanceUse = "substance-use"
  case finances

  /// Parses a category name, naming the valid ones when it is not one.
  public init(parsing text: String) throws(DomainError) {
    guard let category = InformationCategory(rawValue: text) else {
      throw .unknownCategory(text)
    }
    self = category
  }

  public static func < (lhs: Self, rhs: Self) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}

/// What a staff member does in their service; policies grant by role.
public enum StaffRole: String, Sendable, Codable, CaseIterable {
  case caseworker
  case coordinator
  case leader
  case clinician
  case auditor

  public init(parsing text: String) throws(DomainError) {
    guard let role = StaffRole(rawValue: text) else { throw .unknownRole(text) }
    self = role
  }
}
