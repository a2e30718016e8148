import Foundation
import SamhandCore
import SamhandCrypto
import SamhandStore
import Synchronization

/// A bearer token as the HTTP server received it: the staff member it stood for when last
/// looked at, and its hash, for a gate to confirm on the snapshot it decides on. A gated read
/// thus checks the token and decides in one read transaction instead of two.
///
/// Until `isConfirmed`, the actor is only a claim: it must not reach anything but a gate
/// (through `RequestOptions.confirmingBearer(_:)`), and nothing may be answered before some
/// gate, or `SamhandService.confirm(_:)`, confirmed it.
public struct BearerCredential: Sendable {
  public let actor: Actor
  let tokenHash: Data
  private let confirmation: Confirmation

  /// Set once a gate or `confirm` found the token live and the actor's on a snapshot.
  public var isConfirmed: Bool { confirmation.value.load(ordering: .acquiring) }

  init(actor: Actor, tokenHash: Data, confirmed: Bool) {
    self.actor = actor
    self.tokenHash = tokenHash
    confirmation = Confirmation()
    if confirmed { confirmation.value.store(true, ordering: .releasing) }
  }

  /// Whether `token` (live or nil) confirms this credential at `now`; remembers a yes.
  func confirm(by token: LiveToken?, at now: Date) -> Bool {
    guard let token, token.staffID == actor.staffID, token.holds(at: now) else { return false }
    confirmation.value.store(true, ordering: .releasing)
    return true
  }

  private final class Confirmation: Sendable {
    let value = Atomic(false)
  }
}

extension RequestOptions {
  /// These options, with `bearer` for every gate the request passes to confirm.
  public func confirmingBearer(_ bearer: BearerCredential) -> RequestOptions {
    var options = self
    options.bearer = bearer
    return options
  }
}

extension SamhandService {
  /// Who decides that a token is live: a read of the store now, or the gate later.
  public enum BearerCheck: Sendable {
    case store
    /// A token the access-facts cache knows is taken at its word for now; the gates the
    /// request passes confirm it on their snapshots (and `confirm` when none did).
    case gate
  }

  /// The credential for `token`; unknown, expired and revoked tokens are refused alike
  /// (whether the staff member is still active is the policies' question). With `.gate`, a
  /// token the cache knows costs no read.
  public func bearerCredential(token: String, confirmedBy check: BearerCheck) throws
    -> BearerCredential
  {
    let hash = BearerToken.hash(token)
    let now = clock.now
    if check == .gate, let known = accessCache.knownToken(hash), known.holds(at: now) {
      return BearerCredential(
        actor: Actor(staffID: known.staffID, channel: .http), tokenHash: hash, confirmed: false)
    }
    let token = try liveToken(hash)
    guard let token, token.holds(at: now) else { throw ServiceError.unauthenticated }
    return BearerCredential(
      actor: Actor(staffID: token.staffID, channel: .http), tokenHash: hash, confirmed: true)
  }

  /// Confirms `bearer` on a snapshot of its own, unless a gate already did; throws
  /// `unauthenticated` when its token is no longer live.
  public func confirm(_ bearer: BearerCredential) throws {
    guard !bearer.isConfirmed else { return }
    guard bearer.confirm(by: try liveToken(bearer.tokenHash), at: clock.now) else {
      throw ServiceError.unauthenticated
    }
  }

  /// The live token with `hash` on a snapshot of its own, through the access-facts cache.
  private func liveToken(_ hash: Data) throws -> LiveToken? {
    try store.read { snapshot in
      try FactsReader.cached(accessCache, in: snapshot).token(hash, in: snapshot)
    }
  }
}
