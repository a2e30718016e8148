import Foundation
import SamhandAudit
import SamhandCore
import SamhandStore

/// One line of "who has looked at my information" (innsyn i logg, L22).
public struct AccessLogEntry: Sendable, Equatable, Encodable {
  public let time: Date
  public let staffID: String
  public let staffName: String?
  public let service: String?
  public let action: String
  public let purpose: String?
  public let breakGlass: Bool
  public let allowed: Bool
  /// The OS user who ran the CLI command (nil over HTTP and in entries written before v2).
  public let osUser: String?
  /// The digest of the policy set that decided (nil in entries written before v2).
  public let policyDigest: String?

  /// The API's spelling (`staffId`), so `recipient access-log --json` and HTTP agree.
  enum CodingKeys: String, CodingKey {
    case time, staffName, service, action, purpose, breakGlass, allowed, osUser, policyDigest
    case staffID = "staffId"
  }
}

extension SamhandService {
  /// Every recorded access to the recipient's information, oldest first, read from the audit
  /// log: who, which service, when, what, why, and whether under emergency access.
  public func accessLog(
    of recipient: RecipientID, as actor: Actor, options: RequestOptions
  ) throws -> [AccessLogEntry] {
    try gate.write(
      request(actor, .readAudit, "access-log.read", options),
      notFound: Self.noRecipient(recipient),
      resolve: { try Self.auditedRecipient(recipient, in: $0) },
      perform: { transaction, _ in
        try Self.accessLogLines(of: recipient, in: transaction).map(\.line)
      })
  }

  /// The recipient's audit entries, oldest first, each with its access-log line.
  static func accessLogLines(of recipient: RecipientID, in transaction: StoreTransaction) throws
    -> [(entry: AuditEntry, line: AccessLogEntry)]
  {
    var names: [String: String?] = [:]
    return try transaction.auditEntries(recipientID: recipient.rawValue).map { entry in
      let event = entry.event
      if names[event.actor] == nil {
        names[event.actor] = try transaction.staff(StaffID(rawValue: event.actor))?.name
      }
      return (
        entry,
        AccessLogEntry(
          time: AccessLogEntry.date(event.timeMillis), staffID: event.actor,
          staffName: names[event.actor] ?? nil, service: event.actorService,
          action: event.action, purpose: event.purpose, breakGlass: event.breakGlass,
          allowed: event.decision == .allow, osUser: event.osUser,
          policyDigest: event.policyDigest)
      )
    }
  }
}

extension AccessLogEntry {
  /// An audit time (UTC milliseconds) as a date.
  static func date(_ timeMillis: Int64) -> Date {
    Date(timeIntervalSince1970: Double(timeMillis) / 1000)
  }
}

/// One look by a staff member: which recipient, when, what and why.
public struct StaffAccessEntry: Sendable, Equatable, Encodable {
  public let time: Date
  public let recipientId: String
  public let action: String
  public let purpose: String?
  public let breakGlass: Bool
  public let allowed: Bool
}

extension SamhandService {
  /// Whom one staff member looked at from `start` up to `end`, oldest first, read from the
  /// audit log: for an auditor's review of access (L23). Gated like the audit log
  /// (`readAudit`) and audited as `access-log.staff`.
  public func staffAccessLog(
    of staff: StaffID, from start: Date, to end: Date, as actor: Actor, options: RequestOptions
  ) throws -> [StaffAccessEntry] {
    try gate.write(
      request(actor, .readAudit, "access-log.staff", options),
      notFound: .forbidden("the audit log"), resolve: { _ in .auditLog },
      perform: { transaction, _ in
        try transaction.auditEntries(actor: staff.rawValue, from: start, to: end).map { entry in
          let event = entry.event
          return StaffAccessEntry(
            time: Date(timeIntervalSince1970: Double(event.timeMillis) / 1000),
            recipientId: event.recipientID ?? "", action: event.action, purpose: event.purpose,
            breakGlass: event.breakGlass, allowed: event.decision == .allow)
        }
      })
  }
}
