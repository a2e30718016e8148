import Foundation

/// Why and as part of what a use case is called: the purpose (tjenstlig behov) that goes into
/// the policy context and the audit entry, and the request id that ties entries together.
public struct RequestOptions: Sendable {
  public let purpose: String
  public let requestID: String
  /// Where gated reads leave their audit entries for the caller to commit, if not committed
  /// before the read returns (see `DeferredAudit`).
  public internal(set) var deferredAudit: DeferredAudit?
  /// A bearer token for the gates to confirm (see `BearerCredential`).
  public internal(set) var bearer: BearerCredential?

  /// `purpose` is what the caller stated, nil when they stated none. None is filled in: a
  /// request without one reaches the policies with an empty purpose, which
  /// `global-forbid-no-purpose` denies (the gate then answers `ServiceError.purposeRequired`).
  public init(purpose: String?, requestID: String? = nil) {
    self.purpose = purpose ?? ""
    self.requestID = requestID ?? UUID().uuidString.lowercased()
  }
}
