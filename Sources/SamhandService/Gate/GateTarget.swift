import SamhandCore
import SamhandPolicy

/// What a gated request is about: one category of one recipient's records, the recipient as
/// a whole, a service (registering into it), the audit log, or a report on one service's
/// recipients (or, with nil, the municipality's): counts, no person.
enum GateTarget: Sendable, Hashable {
  case record(RecipientID, InformationCategory)
  case recipient(RecipientID)
  case service(ServiceCode)
  case auditLog
  case report(ServiceCode?)

  var recipientID: RecipientID? {
    switch self {
    case .record(let id, _), .recipient(let id): return id
    case .service, .auditLog, .report: return nil
    }
  }

  var uid: EntityUID {
    switch self {
    case .record(let id, let category):
      return EntityUID(type: "Record", id: "\(id.rawValue)/\(category.rawValue)")
    case .recipient(let id): return EntityUID.recipient(id)
    case .service(let code): return EntityUID.service(code)
    case .auditLog: return EntityUID(type: "AuditLog", id: "main")
    case .report(let service):
      return EntityUID(
        type: "Report", id: service.map { "service/\($0.rawValue)" } ?? "municipality")
    }
  }

  /// The audit entry's resource type and id.
  var auditResource: (type: String, id: String?) {
    switch self {
    case .record(let id, let category): return ("record", "\(id.rawValue)/\(category.rawValue)")
    case .recipient(let id): return ("recipient", id.rawValue)
    case .service(let code): return ("service", code.rawValue)
    case .auditLog: return ("audit-log", "main")
    case .report(let service): return ("report", service?.rawValue ?? "municipality")
    }
  }

  /// The error a denial shows where existence is no secret; nil for recipient data, whose
  /// denial must read word for word like the caller's not-found.
  var denial: ServiceError? {
    switch self {
    case .record, .recipient: return nil
    case .service(let code): return .forbidden("registering recipients in service \(code)")
    case .auditLog: return .forbidden("the audit log")
    case .report(let service):
      return .forbidden("reports on \(service.map { "service \($0)" } ?? "the municipality")")
    }
  }
}

extension EntityUID {
  static func staff(_ id: StaffID) -> EntityUID { EntityUID(type: "Staff", id: id.rawValue) }
  static func service(_ code: ServiceCode) -> EntityUID {
    EntityUID(type: "Service", id: code.rawValue)
  }
  static func recipient(_ id: RecipientID) -> EntityUID {
    EntityUID(type: "Recipient", id: id.rawValue)
  }
  static func role(_ role: StaffRole) -> EntityUID { EntityUID(type: "Role", id: role.rawValue) }
}
