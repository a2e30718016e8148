/// A request whose principal, action and context are known and whose resource is not, but for
/// its type and some attributes (a list knows which category of records it shows).
///
/// ```swift
/// let request = PartialRequest(
///   principal: staff, action: EntityUID(type: "Action", id: "view"), resourceType: "Record",
///   knownResourceAttributes: ["category": .string("identity")], context: context)
/// ```
public struct PartialRequest: Sendable {
  public let principal: EntityUID
  public let action: EntityUID
  public let resourceType: String
  public let knownResourceAttributes: [String: CedarValue]
  public let context: [String: CedarValue]

  public init(
    principal: EntityUID, action: EntityUID, resourceType: String,
    knownResourceAttributes: [String: CedarValue] = [:], context: [String: CedarValue] = [:]
  ) {
    self.principal = principal
    self.action = action
    self.resourceType = resourceType
    self.knownResourceAttributes = knownResourceAttributes
    self.context = context
  }
}

/// What the policy set allows of the unknown resource: each applicable policy's residual. A
/// policy whose conditions could not be reduced to attribute tests is `widened`: a permit
/// among them holds for every resource, a forbid among them for none, so that `allow` holds
/// for every resource the set could allow (it may hold for more, never for fewer).
public struct PartialDecision: Sendable {
  public let permits: [PolicyResidual]
  public let forbids: [PolicyResidual]
  public let widened: [Widening]

  public init(permits: [PolicyResidual], forbids: [PolicyResidual], widened: [Widening]) {
    self.permits = permits
    self.forbids = forbids
    self.widened = widened
  }

  /// What a decider that cannot evaluate partially answers: every resource may be allowed,
  /// so a list judges every candidate.
  public static func everything(because reason: String) -> PartialDecision {
    PartialDecision(
      permits: [PolicyResidual(policyID: .anyPolicy, residual: .constant(true))], forbids: [],
      widened: [Widening(policyID: .anyPolicy, reason: reason)])
  }

  /// One policy's residual: what the resource must satisfy for the policy to be satisfied.
  public struct PolicyResidual: Sendable, Hashable {
    public let policyID: PolicyID
    public let residual: Residual

    public init(policyID: PolicyID, residual: Residual) {
      self.policyID = policyID
      self.residual = residual
    }
  }

  /// A policy the residual could not follow exactly, and why.
  public struct Widening: Sendable, Hashable, CustomStringConvertible {
    public let policyID: PolicyID
    public let reason: String

    public init(policyID: PolicyID, reason: String) {
      self.policyID = policyID
      self.reason = reason
    }

    public var description: String { "policy \(policyID): \(reason)" }
  }

  /// The set's allow formula, keeping only the tests `keeps` accepts: any other test is
  /// replaced by the constant that widens what the formula allows (true where it counts for
  /// an allow, false where it counts against), and its policy is named in the widenings.
  public func allow(keeping keeps: (AttributeTest) -> Bool) -> (Residual, [Widening]) {
    var widenings = widened
    func kept(_ policy: PolicyResidual, towardsAllow: Bool) -> Residual {
      var dropped: AttributeTest?
      let residual = policy.residual.replacing(positive: towardsAllow) { test in
        guard !keeps(test) else { return false }
        dropped = dropped ?? test
        return true
      }
      if let dropped {
        widenings.append(
          Widening(policyID: policy.policyID, reason: "no query for \(dropped)"))
      }
      return residual
    }
    let permitted = permits.reduce(Residual.constant(false)) {
      $0 || kept($1, towardsAllow: true)
    }
    let forbidden = forbids.reduce(Residual.constant(false)) {
      $0 || kept($1, towardsAllow: false)
    }
    return (permitted && !forbidden, widenings)
  }
}
