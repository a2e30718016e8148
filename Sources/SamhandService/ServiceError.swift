import SamhandStore

/// Why a use case refused. The messages are safe to show a requester: a denied recipient
/// reads exactly like one that does not exist.
public enum ServiceError: Error, Equatable, Sendable, CustomStringConvertible {
  /// Not there, or not there for this actor; deliberately indistinguishable.
  case notFound(kind: String, id: String)
  /// Refused for this actor (on things whose existence is no secret: services, the audit log).
  case forbidden(String)
  /// The actor could not be identified (unknown staff, bad, expired or revoked token).
  case unauthenticated
  /// The request is well-formed but cannot be carried out as asked.
  case conflict(String)
  /// A value in the request is unusable.
  case invalid(String)
  /// The caller edited an older version than the one stored (HTTP 412 on a stale If-Match):
  /// nothing was written; reload and try again.
  case preconditionFailed(String)
  /// The policy set could not be loaded; nothing is decided without one.
  case policiesUnavailable(String)
  /// The request on recipient data stated no purpose (tjenstlig behov); the policies denied
  /// it. Answered the same whatever the recipient, so it reveals nothing about them.
  case purposeRequired
  /// A key-encryption key version this installation does not hold (its key file is gone) is
  /// needed: a recipient's sealed data under it does not open, or, for the current version,
  /// nothing is written, until an operator restores that version from the key backup.
  case keyVersionUnavailable(version: Int)
  /// The disk holding the data directory is full: nothing of the request was written (reads
  /// that must append their audit entry are refused too). Writes succeed again, without a
  /// restart, once an operator frees space.
  case storageFull

  public var description: String {
    switch self {
    case .notFound(let kind, let id): return "no \(kind) \(id)"
    case .forbidden(let what): return "not allowed: \(what)"
    case .unauthenticated: return "not authenticated: unknown staff member or invalid token"
    case .conflict(let message): return message
    case .invalid(let message): return message
    case .preconditionFailed(let message): return message
    case .policiesUnavailable(let message): return "policies not loaded: \(message)"
    case .purposeRequired:
      return "a purpose is required: say why you need the information with --purpose TEXT "
        + "or SAMHAND_PURPOSE"
    case .keyVersionUnavailable(let version):
      return "key-encryption key version \(version) is needed but the server does not hold it;"
        + " an operator must restore kek-\(version).key from the key backup"
    case .storageFull:
      return "the server's disk is full: nothing was written; retry once an operator has freed"
        + " space"
    }
  }
}

extension ServiceError {
  /// The service's account of an error from the layers below it, for callers that never see
  /// the store (the HTTP API); nil for errors that are not the requester's to know about.
  public init?(translating error: any Error) {
    switch error {
    case let error as ServiceError: self = error
    case StoreError.duplicateNationalID:
      self = .conflict("a recipient with this national id is already registered")
    case StoreError.recipientErased:
      self = .conflict("the recipient has been erased; nothing new can be recorded")
    case StoreError.keyVersionUnavailable(let version, _):
      self = .keyVersionUnavailable(version: version)
    case StoreError.storageFull: self = .storageFull
    default: return nil
    }
  }
}
