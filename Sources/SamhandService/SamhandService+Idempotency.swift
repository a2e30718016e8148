import Foundation
import SamhandCore
import SamhandStore

/// What to do with a create request that carries an idempotency key.
public enum IdempotencyClaim: Sendable, Equatable {
  /// First time: go ahead, then `completeIdempotentCreate` or `releaseIdempotencyKey`.
  case proceed
  /// Done before with the same request: answer with what it created.
  case replay(resourceID: String, location: String)
  /// The key was used for a different request.
  case mismatch
  /// The same key is being handled by another request right now.
  case inFlight
}

/// Idempotency keys of create requests: a retried POST does not create twice. Bookkeeping
/// about requests, not a use case: no recipient data is read or written here, so it needs no
/// gate; the create itself still goes through the gate.
extension SamhandService {
  /// How long a claim without a result blocks its key before it counts as abandoned.
  static let abandonedClaimMillis: Int64 = 5 * 60 * 1000

  public func claimIdempotencyKey(_ key: String, requestHash: Data, as actor: Actor) throws
    -> IdempotencyClaim
  {
    let now = Int64((clock.now.timeIntervalSince1970 * 1000).rounded(.down))
    return try store.write { transaction in
      if let record = try transaction.idempotencyRecord(staff: actor.staffID, key: key) {
        guard record.requestHash == requestHash else { return .mismatch }
        if let id = record.resourceID, let location = record.location {
          return .replay(resourceID: id, location: location)
        }
        guard now - record.createdAtMillis > Self.abandonedClaimMillis else { return .inFlight }
      }
      try transaction.claimIdempotencyKey(
        staff: actor.staffID, key: key, requestHash: requestHash)
      return .proceed
    }
  }

  public func completeIdempotentCreate(
    _ key: String, resourceID: String, location: String, as actor: Actor
  ) throws {
    try store.write {
      try $0.completeIdempotencyKey(
        staff: actor.staffID, key: key, resourceID: resourceID, location: location)
    }
  }

  public func releaseIdempotencyKey(_ key: String, as actor: Actor) throws {
    try store.write { try $0.releaseIdempotencyKey(staff: actor.staffID, key: key) }
  }
}
