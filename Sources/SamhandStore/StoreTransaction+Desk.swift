import Foundation
import SamhandCore

/// The desk's login links and browser sessions (migration 0018), kept as hashes of their
/// secrets.
extension StoreTransaction {
  public func insertLoginLink(
    id: String, staffID: StaffID, linkHash: Data, purpose: String?, expiresAt: Date
  ) throws {
    try connection.execute(
      """
      INSERT INTO desk_login_links (id, staff_id, link_hash, purpose, created_at, expires_at)
      VALUES (\(id), \(staffID.rawValue), \(linkHash), \(purpose), \(nowText),
        \(Timestamp.format(expiresAt)))
      """)
  }

  /// Marks the unused, unexpired link with this hash used and answers whose it was; nil for
  /// an unknown, used or expired link (alike).
  public func useLoginLink(hash: Data, at now: Date) throws -> DeskLoginLink? {
    guard
      let row = try connection.fetchOne(
        """
        SELECT id, staff_id, purpose, expires_at FROM desk_login_links
        WHERE link_hash = \(hash) AND used_at IS NULL
        """)
    else { return nil }
    let expires = Timestamp.parse(try row["expires_at"]) ?? .distantPast
    guard now < expires else { return nil }
    let id: String = try row["id"]
    let used = try connection.execute(
      "UPDATE desk_login_links SET used_at = \(nowText) WHERE id = \(id) AND used_at IS NULL")
    guard used == 1 else { return nil }
    return DeskLoginLink(
      staffID: StaffID(rawValue: try row["staff_id"]), purpose: try row["purpose"])
  }

  public func insertDeskSession(
    id: String, staffID: StaffID, sessionHash: Data, purpose: String?, expiresAt: Date
  ) throws {
    try connection.execute(
      """
      INSERT INTO desk_sessions
        (id, staff_id, session_hash, purpose, created_at, last_seen_at, expires_at)
      VALUES (\(id), \(staffID.rawValue), \(sessionHash), \(purpose), \(nowText), \(nowText),
        \(Timestamp.format(expiresAt)))
      """)
  }

  /// The session with this hash unless it was ended; whether it has expired or gone idle is
  /// the caller's check.
  public func liveDeskSession(hash: Data) throws -> DeskSessionRecord? {
    try connection.fetchOne(
      """
      SELECT id, staff_id, purpose, last_seen_at, expires_at FROM desk_sessions
      WHERE session_hash = \(hash) AND ended_at IS NULL
      """
    ).map { row in
      // A time that does not parse has passed (fail closed).
      DeskSessionRecord(
        id: try row["id"], staffID: StaffID(rawValue: try row["staff_id"]),
        purpose: try row["purpose"],
        lastSeenAt: Timestamp.parse(try row["last_seen_at"]) ?? .distantPast,
        expiresAt: Timestamp.parse(try row["expires_at"]) ?? .distantPast)
    }
  }

  public func touchDeskSession(id: String) throws {
    try connection.execute("UPDATE desk_sessions SET last_seen_at = \(nowText) WHERE id = \(id)")
  }

  public func setDeskSessionPurpose(id: String, purpose: String) throws {
    try connection.execute("UPDATE desk_sessions SET purpose = \(purpose) WHERE id = \(id)")
  }

  public func endDeskSession(id: String) throws {
    try connection.execute(
      "UPDATE desk_sessions SET ended_at = \(nowText) WHERE id = \(id) AND ended_at IS NULL")
  }
}

/// A used login link: whose it was and the purpose the visit starts with.
public struct DeskLoginLink: Sendable, Equatable {
  public let staffID: StaffID
  public let purpose: String?
}

/// A desk session that has not been ended.
public struct DeskSessionRecord: Sendable, Equatable {
  public let id: String
  public let staffID: StaffID
  public let purpose: String?
  public let lastSeenAt: Date
  public let expiresAt: Date
}
