import Foundation
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
    try connection.fetchOne(
      """
      SELECT request_hash, resource_id, location, created_at_ms FROM idempotency_keys
      WHERE staff_id = \(staff.rawValue) AND idempotency_key = \(key)
      """
    ).map {
      IdempotencyRecord(
        requestHash: try $0["request_hash"], resourceID: try $0["resource_id"],
        location: try $0["location"], createdAtMillis: try $0["created_at_ms"])
    }
  }

  /// Claims the key for a request in flight, replacing any earlier claim.
  public func claimIdempotencyKey(staff: StaffID, key: String, requestHash: Data) throws {
    try connection.execute(
      """
      INSERT INTO idempotency_keys
        (staff_id, idempotency_key, request_hash, resource_id, location, created_at_ms)
      VALUES (\(staff.rawValue), \(key), \(requestHash), NULL, NULL,
        \(Timestamp.milliseconds(clock.now)))
      ON CONFLICT (staff_id, idempotency_key) DO UPDATE SET request_hash = excluded.request_hash,
        resource_id = NULL, location = NULL, created_at_ms = excluded.created_at_ms
      """)
  }

  public func completeIdempotencyKey(
    staff: StaffID, key: String, resourceID: String, location: String
  ) throws {
    try connection.execute(
      """
      UPDATE idempotency_keys SET resource_id = \(resourceID), location = \(location)
      WHERE staff_id = \(staff.rawValue) AND idempotency_key = \(key)
      """)
  }

  public func releaseIdempotencyKey(staff: StaffID, key: String) throws {
    try connection.execute(
      """
      DELETE FROM idempotency_keys WHERE staff_id = \(staff.rawValue) AND idempotency_key = \(key)
      """)
  }
}
