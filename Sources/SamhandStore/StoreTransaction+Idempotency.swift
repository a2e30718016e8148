import Foundation
import GRDB
import SamhandCore

/// A stored idempotency key: the request's fingerprint and, once done, what it created.
public struct IdempotencyRecord: Sendable, Equatable {
  public let requestHash: Data
  public let resourceID: String?
  public let location: String?
  public let createdAtMillis: Int64
}

/// The HTTP API's idempotency keys (migration 0003).
extension StoreTransaction {
  public func idempotencyRecord(staff: StaffID, key: String) throws -> IdempotencyRecord? {
    try Row.fetchOne(
      db.cachedStatement(
        sql: """
          SELECT request_hash, resource_id, location, created_at_ms FROM idempotency_keys
          WHERE staff_id = ? AND idempotency_key = ?
          """), arguments: [staff.rawValue, key]
    ).map {
      IdempotencyRecord(
        requestHash: $0["request_hash"], resourceID: $0["resource_id"], location: $0["location"],
        createdAtMillis: $0["created_at_ms"])
    }
  }

  /// Claims the key for a request in flight, replacing any earlier claim.
  public func claimIdempotencyKey(staff: StaffID, key: String, requestHash: Data) throws {
    try db.cachedStatement(
      sql: """
        INSERT OR REPLACE INTO idempotency_keys
          (staff_id, idempotency_key, request_hash, resource_id, location, created_at_ms)
        VALUES (?, ?, ?, NULL, NULL, ?)
        """
    ).execute(
      arguments: [staff.rawValue, key, requestHash, Timestamp.milliseconds(clock.now)])
  }

  public func completeIdempotencyKey(
    staff: StaffID, key: String, resourceID: String, location: String
  ) throws {
    try db.cachedStatement(
      sql: """
        UPDATE idempotency_keys SET resource_id = ?, location = ?
        WHERE staff_id = ? AND idempotency_key = ?
        """
    ).execute(arguments: [resourceID, location, staff.rawValue, key])
  }

  public func releaseIdempotencyKey(staff: StaffID, key: String) throws {
    try db.cachedStatement(
      sql: "DELETE FROM idempotency_keys WHERE staff_id = ? AND idempotency_key = ?"
    ).execute(
      arguments: [staff.rawValue, key])
  }
}
