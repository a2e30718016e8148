import Foundation
import SamhandAudit
import SamhandCore
import SamhandCrypto
import SamhandStore

/// Services, staff and tokens: the operator's work at the command line. No recipient data is
/// touched, so no policy is asked; every change is audited with the operator's OS user.
extension SamhandService {
  public func addService(_ code: ServiceCode, name: String, by osUser: String) throws {
    guard !name.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw ServiceError.invalid("the service needs a name")
    }
    try operatorChange(osUser, "service.add", "service", code.rawValue) { transaction in
      guard !(try transaction.serviceExists(code)) else {
        throw ServiceError.conflict("service \(code) exists already")
      }
      try transaction.insertService(code, name: name)
    }
  }

  public func services() throws -> [(code: ServiceCode, name: String)] {
    try store.read { try $0.services() }
  }

  public func addStaff(
    id: StaffID, name: String, services: [ServiceCode], roles: [StaffRole], by osUser: String
  ) throws {
    guard !name.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw ServiceError.invalid("the staff member needs a name")
    }
    guard !services.isEmpty else { throw ServiceError.invalid("name at least one service") }
    guard !roles.isEmpty else { throw ServiceError.invalid("name at least one role") }
    try operatorChange(osUser, "staff.add", "staff", id.rawValue) { transaction in
      guard try transaction.staff(id) == nil else {
        throw ServiceError.conflict("staff member \(id) exists already")
      }
      for service in services where !(try transaction.serviceExists(service)) {
        throw ServiceError.invalid("unknown service '\(service)'")
      }
      try transaction.insertStaff(
        Staff(
          id: id, name: name, services: Array(Set(services)).sorted(),
          roles: Array(Set(roles)).sorted { $0.rawValue < $1.rawValue }, active: true))
    }
  }

  public func staff() throws -> [Staff] { try store.read { try $0.allStaff() } }

  /// Deactivates an account: denied from its next request on. Still allowed while it holds
  /// responsibility or has handovers not yet accepted, but then nothing is orphaned quietly:
  /// responsibility stays on record with it until a coordinator-change is accepted, the
  /// result names what is open, and every leader of its services gets the warning (kept for
  /// their agenda and audited as `staff.deactivate.warning`).
  @discardableResult
  public func deactivateStaff(_ id: StaffID, by osUser: String) throws -> DeactivationReport {
    var report = DeactivationReport(warning: nil, leaders: [])
    try operatorChange(osUser, "staff.deactivate", "staff", id.rawValue) { transaction in
      guard let staff = try transaction.staff(id) else {
        throw ServiceError.notFound(kind: "staff member", id: id.rawValue)
      }
      guard staff.active else { throw ServiceError.conflict("\(id) is already deactivated") }
      try transaction.deactivateStaff(id)
      let held = try transaction.recipientsHeld(by: id)
      let open = try transaction.unacceptedHandovers(involving: id)
      guard !held.isEmpty || !open.isEmpty else { return }
      let warning = DeactivationReport.warning(about: id, held: held, open: open)
      let leaders = try transaction.leaders(of: staff.services).filter { $0 != id }
      for leader in leaders {
        try transaction.insertStaffWarning(for: leader, about: id, message: warning)
        try transaction.appendAudit(
          AuditActor.operator(osUser: osUser).event(
            action: "staff.deactivate.warning", resourceType: "staff",
            resourceID: leader.rawValue, at: clock.now))
      }
      report = DeactivationReport(warning: warning, leaders: leaders)
    }
    return report
  }

  /// Warnings left for the actor as a leader, oldest first (ids only, no recipient data).
  public func staffWarnings(as actor: Actor) throws -> [String] {
    try store.read { try $0.staffWarnings(for: actor.staffID) }
  }

  /// A new bearer token for a staff member, valid for `days`. The secret is returned once and
  /// stored only as a hash.
  public func createToken(for staffID: StaffID, days: Int = 30, by osUser: String) throws
    -> (id: TokenID, secret: String, expiresAt: Date)
  {
    guard (1...366).contains(days) else {
      throw ServiceError.invalid("--days must be between 1 and 366")
    }
    let id = TokenID.generate()
    let secret = BearerToken.generate()
    let expires = clock.now.addingTimeInterval(Double(days) * 86_400)
    try operatorChange(osUser, "token.create", "token", id.rawValue) { transaction in
      guard let staff = try transaction.staff(staffID) else {
        throw ServiceError.notFound(kind: "staff member", id: staffID.rawValue)
      }
      guard staff.active else { throw ServiceError.conflict("\(staffID) is deactivated") }
      try transaction.insertToken(
        id: id, staffID: staffID, tokenHash: BearerToken.hash(secret), expiresAt: expires)
    }
    return (id, secret, expires)
  }

  public func revokeToken(_ id: TokenID, by osUser: String) throws {
    try operatorChange(osUser, "token.revoke", "token", id.rawValue) { transaction in
      guard try transaction.revokeToken(id) else {
        throw ServiceError.notFound(kind: "live token", id: id.rawValue)
      }
    }
  }

  public func tokens(of staffID: StaffID? = nil) throws -> [TokenInfo] {
    try store.read { try $0.tokens(staffID: staffID) }
  }

  /// Runs an operator's change with its audit entry in one transaction.
  func operatorChange(
    _ osUser: String, _ action: String, _ resourceType: String, _ resourceID: String,
    _ change: (StoreTransaction) throws -> Void
  ) throws {
    try store.write { transaction in
      try change(transaction)
      try transaction.appendAudit(
        AuditActor.operator(osUser: osUser).event(
          action: action, resourceType: resourceType, resourceID: resourceID, at: clock.now))
    }
  }
}
