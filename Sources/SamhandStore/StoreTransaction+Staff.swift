import Foundation
import SamhandCore

/// Staff, their service and role memberships, and their bearer tokens (stored as hashes).
extension StoreTransaction {
  public func insertStaff(_ staff: Staff) throws {
    try connection.execute(
      """
      INSERT INTO staff (id, display_name, active, created_at)
      VALUES (\(staff.id.rawValue), \(staff.name), \(staff.active), \(nowText))
      """)
    for service in staff.services {
      try connection.execute(
        """
        INSERT INTO staff_services (staff_id, service_code)
        VALUES (\(staff.id.rawValue), \(service.rawValue))
        """)
    }
    for role in staff.roles {
      try connection.execute(
        "INSERT INTO staff_roles (staff_id, role) VALUES (\(staff.id.rawValue), \(role.rawValue))")
    }
  }

  public func staff(_ id: StaffID) throws -> Staff? {
    guard
      let row = try connection.fetchOne(
        "SELECT display_name, active FROM staff WHERE id = \(id.rawValue)")
    else { return nil }
    let services = try connection.fetchValues(
      """
      SELECT service_code FROM staff_services WHERE staff_id = \(id.rawValue)
      ORDER BY service_code
      """, as: String.self
    ).map {
      try StoreError.parsed($0, "service_code", table: "staff_services", id: id.rawValue) {
        try ServiceCode($0)
      }
    }
    let roles = try connection.fetchValues(
      "SELECT role FROM staff_roles WHERE staff_id = \(id.rawValue) ORDER BY role", as: String.self
    ).map {
      try StoreError.parsed(
        $0, "role", table: "staff_roles", id: id.rawValue, StaffRole.init(rawValue:))
    }
    return Staff(
      id: id, name: try row["display_name"], services: services, roles: roles,
      active: try row["active"])
  }

  public func allStaff() throws -> [Staff] {
    try connection.fetchValues("SELECT id FROM staff ORDER BY id", as: String.self)
      .compactMap { try staff(StaffID(rawValue: $0)) }
  }

  /// Deactivates a staff member; every request of theirs is denied from the next one on.
  public func deactivateStaff(_ id: StaffID) throws {
    try connection.execute(
      """
      UPDATE staff SET active = 0, deactivated_at = \(nowText)
      WHERE id = \(id.rawValue) AND active = 1
      """)
  }

  public func insertToken(
    id: TokenID, staffID: StaffID, tokenHash: Data, expiresAt: Date
  ) throws {
    try connection.execute(
      """
      INSERT INTO staff_tokens (id, staff_id, token_hash, created_at, expires_at)
      VALUES (\(id.rawValue), \(staffID.rawValue), \(tokenHash), \(nowText),
        \(Timestamp.format(expiresAt)))
      """)
  }

  /// The token with this hash unless it was revoked; whether it has expired is the caller's
  /// check (`LiveToken.holds(at:)`), so the answer can be kept while time moves on.
  public func liveToken(hash: Data) throws -> LiveToken? {
    try connection.fetchOne(
      """
      SELECT staff_id, expires_at FROM staff_tokens
      WHERE token_hash = \(hash) AND revoked_at IS NULL
      """
    ).map { row in
      // An expiry that does not parse has passed (fail closed).
      LiveToken(
        staffID: StaffID(rawValue: try row["staff_id"]),
        expiresAt: Timestamp.parse(try row["expires_at"]) ?? .distantPast)
    }
  }

  public func revokeToken(_ id: TokenID) throws -> Bool {
    try connection.execute(
      """
      UPDATE staff_tokens SET revoked_at = \(nowText)
      WHERE id = \(id.rawValue) AND revoked_at IS NULL
      """) == 1
  }

  /// Tokens without their secrets: every staff member's, or `staffID`'s only.
  public func tokens(staffID: StaffID?) throws -> [TokenInfo] {
    let query: StoreSQL =
      if let staffID {
        """
        SELECT id, staff_id, created_at, expires_at, revoked_at FROM staff_tokens
        WHERE staff_id = \(staffID.rawValue) ORDER BY rowid
        """
      } else {
        "SELECT id, staff_id, created_at, expires_at, revoked_at FROM staff_tokens ORDER BY rowid"
      }
    return try connection.fetchAll(query).map { row in
      TokenInfo(
        id: TokenID(rawValue: try row["id"]), staffID: StaffID(rawValue: try row["staff_id"]),
        createdAt: try row["created_at"], expiresAt: try row["expires_at"],
        revokedAt: try row["revoked_at"])
    }
  }
}

/// A bearer token that has not been revoked: whose it is and until when it holds.
public struct LiveToken: Sendable, Equatable {
  public let staffID: StaffID
  public let expiresAt: Date

  public func holds(at instant: Date) -> Bool { instant < expiresAt }
}

/// A token as listed: never the secret, never its hash.
public struct TokenInfo: Sendable, Equatable, Encodable {
  public let id: TokenID
  public let staffID: StaffID
  public let createdAt: String
  public let expiresAt: String
  public let revokedAt: String?
}
