import Foundation
import GRDB
import SamhandAudit

/// Maps audit entries and checkpoints to rows and back. Decoding never traps: a row that was
/// tampered into something undecodable is reported, because the verifier must see it.
enum AuditRow {
  /// Separates policy ids in the `policy_ids` column; ids never contain it.
  static let policySeparator = "\u{1F}"

  static let selectSQL = """
    SELECT sequence, time_ms, actor, actor_service, action, resource_type, resource_id,
      recipient_id, decision, policy_ids, purpose, break_glass, request_id, channel, outcome,
      hash FROM audit_entries
    """

  static func insert(_ entry: AuditEntry, into db: Database) throws {
    let event = entry.event
    try db.execute(
      sql: """
        INSERT INTO audit_entries (sequence, time_ms, actor, actor_service, action,
          resource_type, resource_id, recipient_id, decision, policy_ids, purpose, break_glass,
          request_id, channel, outcome, hash)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        entry.sequence, event.timeMillis, event.actor, event.actorService, event.action,
        event.resourceType, event.resourceID, event.recipientID, event.decision.rawValue,
        event.policyIDs.joined(separator: policySeparator), event.purpose, event.breakGlass,
        event.requestID, event.channel.rawValue, event.outcome.rawValue, entry.hash,
      ])
  }

  /// Why a row could not be decoded, with its sequence where that much was readable.
  struct Undecodable: Error {
    let sequence: Int64?
    let reason: String
  }

  static func entry(from row: Row) -> Result<AuditEntry, Undecodable> {
    var fields = RowFields(row: row)
    let sequence = fields.int64()
    do throws(ColumnProblem) {
      guard let sequence else { throw ColumnProblem(column: "sequence") }
      let timeMillis = try need(fields.int64(), "time_ms")
      let actor = try need(fields.text(), "actor")
      let actorService = fields.optionalText()
      let action = try need(fields.text(), "action")
      let resourceType = try need(fields.text(), "resource_type")
      let resourceID = fields.optionalText()
      let recipientID = fields.optionalText()
      let decision = try need(fields.text().flatMap(AuditDecision.init(rawValue:)), "decision")
      let policies = try need(fields.text(), "policy_ids")
      let purpose = fields.optionalText()
      let breakGlass = try need(fields.int64().flatMap(Self.bool), "break_glass")
      let requestID = try need(fields.text(), "request_id")
      let channel = try need(fields.text().flatMap(AuditChannel.init(rawValue:)), "channel")
      let outcome = try need(fields.text().flatMap(AuditOutcome.init(rawValue:)), "outcome")
      let hash = try need(fields.blob(), "hash")
      let event = AuditEvent(
        timeMillis: timeMillis, actor: actor, actorService: actorService, action: action,
        resourceType: resourceType, resourceID: resourceID, recipientID: recipientID,
        decision: decision,
        policyIDs: policies.isEmpty
          ? [] : policies.components(separatedBy: policySeparator),
        purpose: purpose, breakGlass: breakGlass, requestID: requestID, channel: channel,
        outcome: outcome)
      return .success(AuditEntry(sequence: sequence, event: event, hash: hash))
    } catch {
      return .failure(
        Undecodable(sequence: sequence, reason: "column \(error.column) has an unexpected value"))
    }
  }

  static func checkpoint(from row: Row) -> AuditCheckpoint? {
    var fields = RowFields(row: row)
    guard let sequence = fields.int64(), let head = fields.blob(), let time = fields.int64(),
      let keyID = fields.text(), let signature = fields.blob()
    else { return nil }
    return AuditCheckpoint(
      sequence: sequence, headHash: head, timeMillis: time, keyID: keyID, signature: signature)
  }

  private static func bool(_ value: Int64) -> Bool? {
    switch value {
    case 0: return false
    case 1: return true
    default: return nil
    }
  }
}

/// Reads a row's columns left to right by storage class, returning nil instead of trapping.
private struct RowFields {
  let row: Row
  var index = 0

  mutating func next() -> DatabaseValue.Storage {
    defer { index += 1 }
    return index < row.count ? (row[index] as DatabaseValue).storage : .null
  }

  mutating func int64() -> Int64? {
    if case .int64(let value) = next() { return value }
    return nil
  }

  mutating func text() -> String? {
    if case .string(let value) = next() { return value }
    return nil
  }

  mutating func optionalText() -> String? { text() }

  mutating func blob() -> Data? {
    if case .blob(let value) = next() { return value }
    return nil
  }

}

private struct ColumnProblem: Error {
  let column: String
}

private func need<T>(_ value: T?, _ column: String) throws(ColumnProblem) -> T {
  guard let value else { throw ColumnProblem(column: column) }
  return value
}
