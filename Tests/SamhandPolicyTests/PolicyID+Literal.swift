import SamhandPolicy

/// Policy ids written as literals in tests, as the policies' `@id` annotations write them.
extension PolicyID: ExpressibleByStringLiteral {
  public init(stringLiteral value: String) { self.init(rawValue: value) }
}
