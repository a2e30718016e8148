import Crypto
import Foundation
import SamhandCore
import SamhandCrypto
import SamhandStore

/// A signed-in visit to the desk (`/desk`): the staff member it acts for, the purpose chosen
/// for this visit (nil until chosen), and the CSRF token every form of the visit carries.
/// The session itself grants nothing: every page calls the same gated use case as the API,
/// as this actor, with this purpose.
public struct DeskSession: Sendable, Equatable {
  public let actor: Actor
  public let purpose: String?
  /// Derived from the session secret, so it is never stored and dies with the session.
  public let csrfToken: String
}

/// How long desk secrets hold.
public enum DeskLimits {
  /// A login link: ten minutes, one use.
  public static let loginLinkSeconds: TimeInterval = 10 * 60
  /// A session with no request for this long is over.
  public static let idleSeconds: TimeInterval = 15 * 60
  /// A session ends this long after sign-in, however busy.
  public static let sessionSeconds: TimeInterval = 8 * 3600
}

extension SamhandService {
  /// Today's Oslo date on the service's clock, for pages whose period ends today by default.
  public var today: CalendarDate { .today(clock) }

  /// A one-time login link secret for `staffID` (operator, `samhand token create
  /// --login-link`): valid ten minutes, once; with `purpose` the visit starts with it.
  public func createLoginLink(for staffID: StaffID, purpose: String?, by osUser: String) throws
    -> (secret: String, expiresAt: Date)
  {
    if let purpose { try Self.checkPurpose(purpose) }
    let id = "l-" + UUID().uuidString.lowercased()
    let secret = BearerToken.generate()
    let expires = clock.now.addingTimeInterval(DeskLimits.loginLinkSeconds)
    try operatorChange(osUser, "desk.login-link.create", "login-link", id) { transaction in
      try Self.requireActiveStaff(staffID, in: transaction)
      try transaction.insertLoginLink(
        id: id, staffID: staffID, linkHash: BearerToken.hash(secret), purpose: purpose,
        expiresAt: expires)
    }
    return (secret, expires)
  }

  /// Starts a desk session from a live bearer token pasted into the sign-in form. Answers the
  /// new session's secret (for the cookie) and the session.
  public func signInToDesk(token: String) throws -> (secret: String, session: DeskSession) {
    try startDeskSession { transaction in
      guard let live = try transaction.liveToken(hash: BearerToken.hash(token)),
        live.holds(at: clock.now)
      else { return nil }
      return (live.staffID, nil)
    }
  }

  /// Starts a desk session from a one-time login link; a used, expired or unknown link is
  /// refused like a bad token.
  public func signInToDesk(loginLink: String) throws -> (secret: String, session: DeskSession) {
    try startDeskSession { transaction in
      try transaction.useLoginLink(hash: BearerToken.hash(loginLink), at: clock.now)
        .map { ($0.staffID, $0.purpose) }
    }
  }

  /// The live session whose cookie holds `secret`; its idle clock starts again. An ended,
  /// idle or expired session is `unauthenticated`.
  public func deskSession(secret: String) throws -> DeskSession {
    let now = clock.now
    return try store.write { transaction in
      guard let record = try transaction.liveDeskSession(hash: BearerToken.hash(secret)),
        now < record.expiresAt, now.timeIntervalSince(record.lastSeenAt) < DeskLimits.idleSeconds
      else { throw ServiceError.unauthenticated }
      try transaction.touchDeskSession(id: record.id)
      return Self.session(record.staffID, purpose: record.purpose, secret: secret)
    }
  }

  /// Sets the purpose of the visit (chosen on the page from `DeskPurpose.choices`).
  public func chooseDeskPurpose(_ purpose: String, secret: String) throws -> DeskSession {
    try Self.checkPurpose(purpose)
    let session = try deskSession(secret: secret)
    try store.write { transaction in
      guard let record = try transaction.liveDeskSession(hash: BearerToken.hash(secret)) else {
        throw ServiceError.unauthenticated
      }
      try transaction.setDeskSessionPurpose(id: record.id, purpose: purpose)
    }
    return Self.session(session.actor.staffID, purpose: purpose, secret: secret)
  }

  /// Ends the session: its cookie is refused from now on. Audited as `desk.sign-out`.
  public func signOutOfDesk(secret: String) throws {
    try store.write { transaction in
      guard let record = try transaction.liveDeskSession(hash: BearerToken.hash(secret)) else {
        return
      }
      try transaction.endDeskSession(id: record.id)
      try transaction.appendAudit(
        Self.deskActor(record.staffID).event(
          action: "desk.sign-out", resourceType: "desk-session", resourceID: record.id,
          at: clock.now))
    }
  }

  /// Inserts a session for whoever `identify` finds (nil: refused), audited as
  /// `desk.sign-in`, in one transaction.
  private func startDeskSession(
    _ identify: (StoreTransaction) throws -> (StaffID, String?)?
  ) throws -> (secret: String, session: DeskSession) {
    let secret = BearerToken.generate()
    let id = "d-" + UUID().uuidString.lowercased()
    let now = clock.now
    let (staffID, purpose) = try store.write { transaction in
      guard let (staffID, purpose) = try identify(transaction),
        let staff = try transaction.staff(staffID), staff.active
      else { throw ServiceError.unauthenticated }
      try transaction.insertDeskSession(
        id: id, staffID: staffID, sessionHash: BearerToken.hash(secret), purpose: purpose,
        expiresAt: now.addingTimeInterval(DeskLimits.sessionSeconds))
      try transaction.appendAudit(
        Self.deskActor(staffID).event(
          action: "desk.sign-in", resourceType: "desk-session", resourceID: id, at: now))
      return (staffID, purpose)
    }
    return (secret, Self.session(staffID, purpose: purpose, secret: secret))
  }

  private static func session(_ staffID: StaffID, purpose: String?, secret: String)
    -> DeskSession
  {
    let digest = SHA256.hash(data: Data(("samhand-desk-csrf:" + secret).utf8))
    return DeskSession(
      actor: Actor(staffID: staffID, channel: .http), purpose: purpose,
      csrfToken: digest.map { String(format: "%02x", $0) }.joined())
  }

  private static func deskActor(_ staffID: StaffID) -> AuditActor {
    AuditActor(id: staffID.rawValue, service: nil, channel: .http)
  }

  private static func requireActiveStaff(_ staffID: StaffID, in transaction: StoreTransaction)
    throws
  {
    guard let staff = try transaction.staff(staffID) else {
      throw ServiceError.notFound(kind: "staff member", id: staffID.rawValue)
    }
    guard staff.active else { throw ServiceError.conflict("\(staffID) is deactivated") }
  }

  private static func checkPurpose(_ purpose: String) throws {
    guard (1...200).contains(purpose.count), !purpose.contains(where: \.isNewline) else {
      throw ServiceError.invalid("the purpose must be 1-200 characters on one line")
    }
  }
}
