import Foundation
import GRDB
import SamhandCore

/// Staff, their service and role memberships, and their bearer tokens (stored as hashes).
extension StoreTransaction {
  public func insertStaff(_ staff: Staff) throws {
    try db.cachedStatement(
      sql: "INSERT INTO staff (id, display_name, active, created_at) VALUES (?, ?, ?, ?)"
    ).execute(arguments: [staff.id.rawValue, staff.name, staff.active, nowText])
    for service in staff.services {
      try db.cachedStatement(
        sql: "INSERT INTO staff_services (staff_id, service_code) VALUES (?, ?)"
      ).execute(arguments: [staff.id.rawValue, service.rawValue])
    }
    for role in staff.roles {
      try db.cachedStatement(sql: "INSERT INTO staff_roles (staff_id, role) VALUES (?, ?)").execute(
        arguments: [staff.id.rawValue, role.rawValue])
    }
  }

  public func staff(_ id: StaffID) throws -> Staff? {
    guard
      let row = try Row.fetchOne(
        db.cachedStatement(sql: "SELECT display_name, active FROM staff WHERE id = ?"),
        arguments: [id.rawValue])
    else { return nil }
    let services = try String.fetchAll(
      db.cachedStatement(
        sql: "SELECT service_code FROM staff_services WHERE staff_id = ? ORDER BY service_code"),
      arguments: [id.rawValue]
    ).map {
      try StoreError.parsed($0, "service_code", table: "staff_services", id: id.rawValue) {
        try ServiceCode($0)
      }
    }
    let roles = try String.fetchAll(
      db.cachedStatement(sql: "SELECT role FROM staff_roles WHERE staff_id = ? ORDER BY role"),
      arguments: [id.rawValue]
    ).map {
      try StoreError.parsed(
        $0, "role", table: "staff_roles", id: id.rawValue, StaffRole.init(rawValue:))
    }
    return Staff(
      id: id, name: row["display_name"], services: services, roles: roles, active: row["active"])
  }

  public func allStaff() throws -> [Staff] {
    try String.fetchAll(db.cachedStatement(sql: "SELECT id FROM staff ORDER BY id"))
      .compactMap { try staff(StaffID(rawValue: $0)) }
  }

  /// Deactivates a staff member; every request of theirs is denied from the next one on.
  public func deactivateStaff(_ id: StaffID) throws {
    try db.cachedStatement(
      sql: "UPDATE staff SET active = 0, deactivated_at = ? WHERE id = ? AND active = 1"
    ).execute(arguments: [nowText, id.rawValue])
  }

  public func insertToken(
    id: TokenID, staffID: StaffID, tokenHash: Data, expiresAt: Date
  ) throws {
    try db.cachedStatement(
      sql: """
        INSERT INTO staff_tokens (id, staff_id, token_hash, created_at, expires_at)
        VALUES (?, ?, ?, ?, ?)
        """
    ).execute(arguments: [
      id.rawValue, staffID.rawValue, tokenHash, nowText, Timestamp.format(expiresAt),
    ])
  }

  /// The token with this hash unless it was revoked; whether it has expired is the caller's
  /// check (`LiveToken.holds(at:)`), so the answer can be kept while time moves on.
  public func liveToken(hash: Data) throws -> LiveToken? {
    try Row.fetchOne(
      db.cachedStatement(
        sql:
          "SELECT staff_id, expires_at FROM staff_tokens WHERE token_hash = ? AND revoked_at IS NULL"
      ), arguments: [hash]
    ).map { row in
      // An expiry that does not parse has passed (fail closed).
      LiveToken(
        staffID: StaffID(rawValue: row["staff_id"]),
        expiresAt: Timestamp.parse(row["expires_at"]) ?? .distantPast)
    }
  }

  public func revokeToken(_ id: TokenID) throws -> Bool {
    try db.cachedStatement(
      sql: "UPDATE staff_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL"
    ).execute(arguments: [nowText, id.rawValue])
    return db.changesCount == 1
  }

  /// Tokens without their secrets.
  public func tokens(staffID: StaffID?) throws -> [TokenInfo] {
    try Row.fetchAll(
      db.cachedStatement(
        sql: """
          SELECT id, staff_id, created_at, expires_at, revoked_at FROM staff_tokens
          WHERE ?1 IS NULL OR staff_id = ?1 ORDER BY rowid
          """), arguments: [staffID?.rawValue]
    ).map { row in
      TokenInfo(
        id: TokenID(rawValue: row["id"]), staffID: StaffID(rawValue: row["staff_id"]),
        createdAt: row["created_at"], expiresAt: row["expires_at"], revokedAt: row["revoked_at"])
    }
  }
}

/// A token as listed: never the secret, never its hash.
/// A bearer token that has not been revoked: whose it is and until when it holds.
public struct LiveToken: Sendable, Equatable {
  public let staffID: StaffID
  public let expiresAt: Date

  public func holds(at instant: Date) -> Bool { instant < expiresAt }
}

public struct TokenInfo: Sendable, Equatable, Encodable {
  public let id: TokenID
  public let staffID: StaffID
  public let createdAt: String
  public let expiresAt: String
  public let revokedAt: String?
}
