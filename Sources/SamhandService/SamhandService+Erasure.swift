import Foundation
import Logging
import SamhandCore
import SamhandStore

/// Erasure with four eyes (GDPR art. 17, DOMAIN L27): care staff ask, a leader of the
/// registering service who did not ask decides; approval shreds the recipient in the same
/// transaction as its audit entry, then truncates the WAL so no old page image keeps the key.
extension SamhandService {
  /// Asks for `recipient` to be erased on `ground`. Refused while the recipient has open
  /// plans, groups or handovers, under a legal hold, and, for `retention-expired`, while the
  /// retention period runs (the refusal names the first day it may be erased).
  public func requestErasure(
    of recipient: RecipientID, ground: ErasureGround, reason: String, as actor: Actor,
    options: RequestOptions
  ) throws -> ErasureRequestID {
    let ask = request(actor, .requestErasure, "erasure.request", options)
    try gate.validated(ask) { try Self.requireText(reason, ErasureError.reasonRequired) }
    return try gate.write(
      ask, notFound: Self.noRecipient(recipient),
      resolve: { _ in .record(recipient, .identity) },
      perform: { transaction, _ in
        try checkErasable(recipient, on: ground, in: transaction)
        if let pending = try transaction.pendingErasureRequest(of: recipient) {
          throw ServiceError(ErasureError.alreadyPending(pending))
        }
        return try transaction.insertErasureRequest(
          recipient: recipient, ground: ground, reason: reason, by: actor.staffID)
      })
  }

  /// Approves a pending request: checks the rules again as they stand now, then destroys the
  /// recipient's data key, blind index and derived plaintext, records the key version that
  /// wrapped the key and audits, in one transaction; then checkpoints and truncates the WAL.
  public func approveErasure(
    _ id: ErasureRequestID, as actor: Actor, options: RequestOptions
  ) throws -> ErasureReport {
    let report = try decideErasure(id, "erasure.approve", as: actor, options: options) {
      transaction, request in
      try checkErasable(request.recipientID, on: request.ground, in: transaction)
      _ = try transaction.approveErasureRequest(request, by: actor.staffID)
      guard let approved = try transaction.erasureRequest(id) else {
        throw Self.noErasureRequest(id)
      }
      return try self.report(approved, in: transaction)
    }
    if try !store.flushOldPageImages() {
      Logger(label: "samhand.erasure").warning(
        """
        readers kept the WAL from being truncated after an erasure; the next erasure, or the \
        last connection closing, removes it
        """, metadata: ["request": "\(id)"])
    }
    return report
  }

  /// Rejects a pending request with the leader's reason; the recipient stays as they are.
  public func rejectErasure(
    _ id: ErasureRequestID, reason: String, as actor: Actor, options: RequestOptions
  ) throws {
    try decideErasure(id, "erasure.reject", as: actor, options: options, reason: reason) {
      transaction, request in
      try transaction.rejectErasureRequest(request, reason: reason, by: actor.staffID)
    }
  }

  /// One request and, once approved, what stands between it and every backup.
  public func erasureStatus(
    _ id: ErasureRequestID, as actor: Actor, options: RequestOptions
  ) throws -> ErasureReport {
    try gate.read(
      request(actor, .reviewErasure, "erasure.status", options),
      notFound: Self.noErasureRequest(id),
      resolve: { transaction in
        try transaction.erasureRequestParties(id).map { .record($0.recipient, .identity) }
      },
      read: { transaction, _ in
        guard let request = try transaction.erasureRequest(id) else {
          throw Self.noErasureRequest(id)
        }
        return try report(request, in: transaction)
      })
  }

  /// The erasure queue (all requests, or the pending ones), oldest first: decided per request
  /// and audited for exactly what it returns (`Gate.list`).
  public func erasureRequests(
    pendingOnly: Bool, as actor: Actor, page: ListPageRequest = .whole, options: RequestOptions
  ) throws -> ListPage<ErasureReport> {
    _ = try Self.position(page.after)
    let query = ListQuery<(id: ErasureRequestID, recipient: RecipientID, position: Int64)>(
      name: "erasure-queue", categories: [.identity],
      fetch: { transaction, _, visible, cursor, limit in
        try transaction.erasureRequestCandidates(
          pendingOnly: pendingOnly, visible: visible, after: try Self.position(cursor),
          limit: limit)
      },
      target: { .record($0.recipient, .identity) }, key: { String($0.position) })
    return try gate.list(
      request(actor, .reviewErasure, "erasure.list", options), query, page: page,
      read: { transaction, candidate in
        try transaction.erasureRequest(candidate.id).map { try report($0, in: transaction) }
      })
  }

  private func decideErasure<T>(
    _ id: ErasureRequestID, _ auditAction: String, as actor: Actor, options: RequestOptions,
    reason: String? = nil, perform: (StoreTransaction, ErasureRequest) throws -> T
  ) throws -> T {
    var decision = request(actor, .erase, auditAction, options)
    // Who asked is recorded once and never changes; the policies read it (four eyes).
    let parties = try store.read { try $0.erasureRequestParties(id) }
    decision.erasureRequester = parties?.requestedBy
    try gate.validated(decision) {
      if let reason { try Self.requireText(reason, ErasureError.reasonRequired) }
      if let parties {
        try Self.erasureRule { () throws(ErasureError) in
          try ErasureRequest.checkFourEyes(
            requestedBy: parties.requestedBy, decidedBy: actor.staffID)
        }
      }
    }
    return try gate.write(
      decision, notFound: Self.noErasureRequest(id),
      resolve: { _ in parties.map { .record($0.recipient, .identity) } },
      perform: { transaction, _ in
        guard let request = try transaction.erasureRequest(id) else {
          throw Self.noErasureRequest(id)
        }
        try Self.erasureRule { () throws(ErasureError) in
          try request.checkDecidable(by: actor.staffID)
        }
        return try perform(transaction, request)
      })
  }

  /// Refuses erasure while open records, a legal hold or (for `retention-expired`) the
  /// retention period keep the recipient, or when they are already erased.
  private func checkErasable(
    _ recipient: RecipientID, on ground: ErasureGround, in transaction: StoreTransaction
  ) throws {
    guard let facts = try transaction.retentionFacts(of: recipient) else {
      throw Self.noRecipient(recipient)
    }
    guard try transaction.recipient(recipient)?.isErased == false else {
      throw ServiceError(ErasureError.alreadyErased)
    }
    try Self.erasureRule { () throws(ErasureError) in
      try facts.check(
        ground, years: settings.retentionYearsAfterClose, today: CalendarDate.today(clock))
    }
  }

  private func report(_ request: ErasureRequest, in transaction: StoreTransaction) throws
    -> ErasureReport
  {
    guard let version = request.kekVersion, let decided = request.decidedAt else {
      return ErasureReport(request: request, backups: nil)
    }
    return ErasureReport(
      request: request,
      backups: BackupErasure(
        kekVersion: version, unretired: try transaction.unretiredKeyVersions(),
        erasedOn: CalendarDate(decided), backupDays: settings.backupRetentionDays))
  }

  static func noErasureRequest(_ id: ErasureRequestID) -> ServiceError {
    .notFound(kind: "erasure request", id: id.rawValue)
  }

  static func erasureRule<T>(_ body: () throws(ErasureError) -> T) throws -> T {
    do {
      return try body()
    } catch {
      throw ServiceError(error)
    }
  }

  static func requireText(_ text: String, _ error: ErasureError) throws {
    guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
      throw ServiceError.invalid(error.description)
    }
  }

  /// A list cursor: the position of the last item of the previous page.
  static func position(_ cursor: String?) throws -> Int64? {
    guard let cursor else { return nil }
    guard let position = Int64(cursor), position >= 0 else {
      throw ServiceError.invalid("'\(cursor)' is not a position in the list")
    }
    return position
  }
}

/// An erasure request as the queue and `erasure status` show it: the request, and once it is
/// approved, what the operator must still do for backups taken before it to lose the key.
public struct ErasureReport: Sendable, Equatable {
  public let request: ErasureRequest
  public let backups: BackupErasure?
}

extension ServiceError {
  /// An erasure rule refused: the request conflicts with the recipient's state.
  init(_ error: ErasureError) {
    self = .conflict(error.description)
  }
}
