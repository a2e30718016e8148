/// What happened, as the gate reports it: who did which action on which resource, what the
/// policies decided and why. It holds ids only, never a recipient's name or free text, so the
/// audit log itself never needs sealing (the OS user and the policy digest are no
/// recipient's data either).
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
  /// The OS user who ran the CLI command (nil over HTTP). Encoded from version 2 on.
  public var osUser: String?
  /// SHA-256 (hex) of the policy set that decided (`nil` where no policy set decided, e.g. an
  /// operator action). Encoded from version 2 on.
  public var policyDigest: String?
  /// The canonical encoding the entry's hash covers: entries written before version 2 keep
  /// their version-1 bytes (and hashes); new entries are written in the current version.
  public var encodingVersion: AuditEncodingVersion

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
    outcome: AuditOutcome,
    osUser: String? = nil,
    policyDigest: String? = nil,
    encodingVersion: AuditEncodingVersion = .current
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
    self.osUser = osUser
    self.policyDigest = policyDigest
    self.encodingVersion = encodingVersion
  }
}

/// The versions of an entry's canonical encoding (see `AuditChain.canonicalEncoding`).
public enum AuditEncodingVersion: Int, Sendable, Codable, CaseIterable {
  /// The fields up to `outcome`.
  case v1 = 1
  /// Version 1's fields, then the OS user and the policy digest.
  case v2 = 2

  /// The version new entries are written in.
  public static let current = AuditEncodingVersion.v2

  /// The tag that opens an encoded entry of this version: "SAE" and the version byte.
  public var tag: [UInt8] { [0x53, 0x41, 0x45, UInt8(rawValue)] }
}
