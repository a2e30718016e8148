/// The life domains a plan's goals and the Brukerplan mapping speak of (DOMAIN.md L1, L24,
/// L31). The raw value is the name in the CLI, the API and the database; `label` is the
/// Norwegian name the recipient reads.
///
/// ```swift
/// let domain = try LifeDomain(parsing: "housing")
/// domain.label   // "Bolig"
/// ```
public enum LifeDomain: String, Sendable, Codable, CaseIterable, Comparable {
  case housing
  case finances
  case workActivity = "work-activity"
  case physicalHealth = "physical-health"
  case mentalHealth = "mental-health"
  case substanceUse = "substance-use"
  case network
  case socialFunctioning = "social-functioning"
  case leisure
  case childrenAsNextOfKin = "children-as-next-of-kin"

  /// Parses a life-domain name, naming the valid ones when it is not one.
  public init(parsing text: String) throws(PlanError) {
    guard let domain = LifeDomain(rawValue: text) else { throw .unknownLifeDomain(text) }
    self = domain
  }

  /// The bokmål label used in documents for the recipient.
  public var label: String {
    switch self {
    case .housing: return "Bolig"
    case .finances: return "Økonomi"
    case .workActivity: return "Arbeid og aktivitet"
    case .physicalHealth: return "Fysisk helse"
    case .mentalHealth: return "Psykisk helse"
    case .substanceUse: return "Rus"
    case .network: return "Nettverk og pårørende"
    case .socialFunctioning: return "Sosial fungering"
    case .leisure: return "Fritid"
    case .childrenAsNextOfKin: return "Barn som pårørende"
    }
  }

  public static func < (lhs: Self, rhs: Self) -> Bool {
    (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
  }
}
