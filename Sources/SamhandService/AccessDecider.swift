import SamhandPolicy

/// Decides one authorization request. The policy set is the real one; a test can wrap it in
/// a spy to prove that every use case asks.
public protocol AccessDecider: Sendable {
  func decide(_ request: AuthorizationRequest, entities: Entities) -> Decision
  /// What the policies could allow of a resource not yet known (lists narrow by it).
  func residual(for request: PartialRequest, entities: Entities) -> PartialDecision
  /// The policy set behind this decider (for explanations), through any wrapper.
  var policySet: PolicySet? { get }
}

extension AccessDecider {
  /// A decider that cannot evaluate partially narrows nothing: lists judge every candidate.
  public func residual(for request: PartialRequest, entities: Entities) -> PartialDecision {
    .everything(because: "the decider does not evaluate partially")
  }

  public var policySet: PolicySet? { self as? PolicySet }
}

extension PolicySet: AccessDecider {
  public func decide(_ request: AuthorizationRequest, entities: Entities) -> Decision {
    isAuthorized(request, entities: entities)
  }
}

/// The actions policies are written against (see `policies/schema.cedarschema.json`).
public enum PolicyAction: String, Sendable, CaseIterable {
  case view, create, update, register, assign, breakGlass, readAudit, reviewBreakGlass, export,
    report
  /// The coordinating unit's overview of plans and intake of notices (read), and its
  /// handling of notices: taking one up, appointing a coordinator (DOMAIN L8).
  case overview, coordinate
  /// Erasure (four eyes): asking for it, deciding it (approve or reject), seeing the queue,
  /// and setting or clearing a legal hold.
  case requestErasure, erase, reviewErasure, legalHold

  var uid: EntityUID { EntityUID(type: "Action", id: rawValue) }
}
