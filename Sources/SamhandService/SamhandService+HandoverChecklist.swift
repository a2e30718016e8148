import Foundation
import SamhandCore
import SamhandStore

/// A handover's checklist: either side ticks items off, adds its own; the municipality keeps
/// its own template per kind (an administration task, like services and staff).
extension SamhandService {
  /// Marks an item done (`done` true) or open again. Returns the handover's new version.
  @discardableResult
  public func markChecklistItem(
    _ handover: HandoverID, item: String, done: Bool = true, expectedVersion: Int? = nil,
    as actor: Actor, options: RequestOptions
  ) throws -> Versioned<HandoverID> {
    try changeChecklist(
      handover, expectedVersion: expectedVersion,
      request(actor, .update, done ? "handover.check" : "handover.uncheck", options)
    ) { transaction, record in
      guard
        try transaction.markChecklistItem(
          record.handover.id, key: item, done: done, by: actor.staffID)
      else {
        guard record.checklist.contains(where: { $0.key == item }) else {
          let keys = record.checklist.map(\.key).joined(separator: ", ")
          throw ServiceError.invalid("no checklist item '\(item)' (items: \(keys))")
        }
        throw ServiceError.conflict("item '\(item)' is already \(done ? "done" : "open")")
      }
      return "\(done ? "check" : "uncheck"):\(item)"
    }
  }

  /// Adds an item of the sender's or receiver's own to the checklist; its text is sealed.
  @discardableResult
  public func addChecklistItem(
    _ handover: HandoverID, label: String, expectedVersion: Int? = nil, as actor: Actor,
    options: RequestOptions
  ) throws -> Versioned<HandoverID> {
    let add = request(actor, .update, "handover.checklist.add", options)
    let text = label.trimmingCharacters(in: .whitespacesAndNewlines)
    try gate.validated(add) {
      guard !text.isEmpty else { throw ServiceError.invalid("the checklist item needs a text") }
    }
    return try changeChecklist(handover, expectedVersion: expectedVersion, add) {
      transaction, record in
      let key = "item-\(record.checklist.count + 1)"
      try transaction.insertChecklistItem(
        ChecklistItem(key: key, label: text), into: record.handover, by: actor.staffID)
      return "add:\(key)"
    }
  }

  /// The checklist in force for a kind (the municipality's own, else the default).
  public func checklistTemplate(_ kind: HandoverKind) throws -> [ChecklistItem] {
    try store.read { try $0.checklistTemplate(kind) }
  }

  /// Sets the municipality's checklist for a kind as a new version.
  public func setChecklistTemplate(_ kind: HandoverKind, items: [ChecklistItem], by osUser: String)
    throws
  {
    guard !items.isEmpty else { throw ServiceError.invalid("a checklist needs at least one item") }
    let keys = items.map(\.key)
    guard Set(keys).count == keys.count else {
      throw ServiceError.invalid("checklist keys must differ from each other")
    }
    for item in items
    where item.key.isEmpty || item.label.trimmingCharacters(in: .whitespaces).isEmpty {
      throw ServiceError.invalid("every checklist item needs a key and a text")
    }
    try operatorChange(osUser, "checklist-template.set", "checklist-template", kind.rawValue) {
      try $0.setChecklistTemplate(kind, items: items, by: osUser)
    }
  }

  /// A gated checklist change by either side, on a handover that is not final.
  private func changeChecklist(
    _ id: HandoverID, expectedVersion: Int?, _ request: GateRequest,
    change: (StoreTransaction, HandoverRecord) throws -> String
  ) throws -> Versioned<HandoverID> {
    try gateHandover(id, request) { transaction in
      let record = try Self.record(id, in: transaction)
      try Self.checkVersion(expectedVersion, current: record.version, of: "handover \(id)")
      let party = try HandoverParties.party(
        of: request.actor.staffID, in: record.handover, transaction: transaction)
      guard party != .thirdParty else {
        throw ServiceError.forbidden("only the sending or receiving side may edit the checklist")
      }
      guard !record.handover.state.isFinal else {
        throw ServiceError.conflict(
          "the handover is \(record.handover.state.rawValue); its checklist no longer changes")
      }
      let event = try change(transaction, record)
      let version = try transaction.recordHandoverNote(
        record.handover, event: event, by: request.actor.staffID)
      return Versioned(id: id, version: version)
    }
  }
}
