/// A policy's id: its `@id` annotation, or `policyN` by its position. Decisions, audit
/// entries and explanations name policies by it, so it is typed apart from the other strings
/// a decision carries (entity ids, messages), as the ids of `SamhandCore` are. Encodes as
/// the plain string.
public struct PolicyID: RawRepresentable, Hashable, Sendable, Codable, Comparable,
  CustomStringConvertible
{
  public let rawValue: String

  public init(rawValue: String) { self.rawValue = rawValue }

  /// Stands for every policy where a decider that cannot evaluate partially answers.
  public static let anyPolicy = PolicyID(rawValue: "*")

  public var description: String { rawValue }

  public static func < (lhs: PolicyID, rhs: PolicyID) -> Bool { lhs.rawValue < rhs.rawValue }
}
