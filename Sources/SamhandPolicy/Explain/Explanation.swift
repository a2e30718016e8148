/// The answer to an auditor's "why?": the decision, the policies that determined it with file
/// and line, and for a default deny the permits whose scope matched but whose conditions did not.
///
/// ```swift
/// print(policies.explain(request, entities: entities))
/// // DENY: no permit matched
/// //   scope matched, condition false: tsb-read (tsb.cedar:3)
/// ```
public struct Explanation: Sendable, CustomStringConvertible {
  /// A policy named in an explanation.
  public struct PolicyReference: Sendable, Equatable {
    public let id: PolicyID
    public let effect: Policy.Effect
    public let location: SourceLocation
  }

  /// A policy that errored, with Cedar's message.
  public struct ErroredPolicy: Sendable, Equatable {
    public let policy: PolicyReference
    public let message: String
  }

  public let decision: Decision
  /// The satisfied forbids (deny) or permits (allow).
  public let determining: [PolicyReference]
  /// For a deny without a satisfied forbid: permits whose scope matched but whose condition was
  /// false (policies that errored are listed in `errored`).
  public let unmatchedPermits: [PolicyReference]
  /// Policies that errored, with the message.
  public let errored: [ErroredPolicy]

  public var description: String {
    var lines: [String] = []
    func show(_ reference: PolicyReference) -> String {
      "\(reference.effect.rawValue) \(reference.id) (\(reference.location.file):"
        + "\(reference.location.line))"
    }
    if decision.isAllowed {
      lines.append("ALLOW")
      lines += determining.map { "  allowed by \(show($0))" }
    } else if !determining.isEmpty {
      lines.append("DENY")
      lines += determining.map { "  denied by \(show($0))" }
    } else {
      lines.append("DENY: no permit matched")
      if unmatchedPermits.isEmpty {
        lines.append("  no permit's scope matched this principal, action and resource")
      }
      lines += unmatchedPermits.map { "  scope matched, condition not satisfied: \(show($0))" }
    }
    lines += errored.map { "  error in \(show($0.policy)): \($0.message)" }
    return lines.joined(separator: "\n")
  }
}
