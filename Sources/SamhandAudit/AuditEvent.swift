/// What happened, as the gate reports it: who did which action on which resource, what the
/// policies decided and why. It holds ids only, never a recipient's name or free text, so the
/// audit log itself never needs sealing.
///
/// ```swift
/// let event = AuditEvent(
///   timeMillis: 1_767_225_600_000, actor: "staff-17", action: "recipient.read",
///   resourceType: "Recipient", resourceID: "r-42", recipientID: "r-42", decision: .allow,
///   policyIDs: ["nav-care-read"], requestID: "req-1", channel: .http, outcome: .success)
/// ```
public struct AuditEvent: Sendable, Equatable, Codable {
  /// UTC milliseconds since the Unix epoch.
  public var timeMillis: Int64
  /// A staff id, or `operator:<os user>` for operator actions through the CLI.
  public var actor: String
  public var actorService: String?
  /// What was attempted, e.g. `recipient.read` or `keys.rotate`.
  public var action: String
  public var resourceType: String
  public var resourceID: String?
  public var recipientID: String?
  public var decision: AuditDecision
  /// The ids of the policies that determined the decision.
  public var policyIDs: [String]
  public var purpose: String?
  public var breakGlass: Bool
  public var requestID: String
  public var channel: AuditChannel
  public var outcome: AuditOutcome

  public init(
    timeMillis: Int64,
    actor: String,
    actorService: String? = nil,
    action: String,
    resourceType: String,
    resourceID: String? = nil,
    recipientID: String? = nil,
    decision: AuditDecision,
    policyIDs: [String] = [],
    purpose: String? = nil,
    breakGlass: Bool = false,
    requestID: String,
    channel: AuditChannel,
    outcome: AuditOutcome
  ) {
    self.timeMillis = timeMillis
    self.actor = actor
    self.actorService = actorService
    self.action = action
    self.resourceType = resourceType
    self.resourceID = resourceID
    self.recipientID = recipientID
    self.decision = decision
    self.policyIDs = policyIDs
    self.purpose = purpose
    self.breakGlass = breakGlass
    self.requestID = requestID
    self.channel = channel
    self.outcome = outcome
  }
}
