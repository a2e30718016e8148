import Foundation
import SamhandAudit

/// Maps audit entries and checkpoints to rows and back. Decoding never traps: a row that was
/// tampered into something undecodable is reported, because the verifier must see it.
/// Rows are read by name through the store's connection; the read-only file verifier reads
/// the same columns straight from SQLite's buffers (`AuditRow+SQLite.swift`) with the same
/// decoder.
enum AuditRow {
  /// Separates policy ids in the `policy_ids` column; ids never contain it.
  static let policySeparator: Character = "\u{1F}"

  /// The entry columns, in the order the decoder reads them.
  static let selectSQL = """
    SELECT sequence, time_ms, actor, actor_service, action, resource_type, resource_id,
      recipient_id, decision, policy_ids, purpose, break_glass, request_id, channel, outcome,
      hash, encoding, os_user, policy_digest FROM audit_entries
    """

  /// `selectSQL` followed by `rest` (a WHERE and ORDER BY clause).
  static func selectEntries(_ rest: StoreSQL) -> StoreSQL {
    StoreSQL(sql: selectSQL, isStatic: true) + " " + rest
  }

  /// Inserts `entry` with the Merkle tree hashes its append stores (`AuditTreeRows`); nil
  /// leaves it outside the tree.
  static func insert(
    _ entry: AuditEntry, treeHashes: Data? = nil, into connection: any SQLConnection
  ) throws {
    let event = entry.event
    try connection.execute(
      """
      INSERT INTO audit_entries (sequence, time_ms, actor, actor_service, action,
        resource_type, resource_id, recipient_id, decision, policy_ids, purpose, break_glass,
        request_id, channel, outcome, hash, encoding, os_user, policy_digest, tree_hashes)
      VALUES (\(entry.sequence), \(event.timeMillis), \(event.actor), \(event.actorService),
        \(event.action), \(event.resourceType), \(event.resourceID), \(event.recipientID),
        \(event.decision.rawValue),
        \(event.policyIDs.joined(separator: String(policySeparator))), \(event.purpose),
        \(event.breakGlass), \(event.requestID), \(event.channel.rawValue),
        \(event.outcome.rawValue), \(entry.hash), \(event.encodingVersion.rawValue),
        \(event.osUser), \(event.policyDigest), \(treeHashes))
      """)
  }

  /// Why a row could not be decoded, with its sequence where that much was readable.
  struct Undecodable: Error {
    let sequence: Int64?
    let reason: String
  }

  /// The decodable entries a query (`selectEntries`) returns, in its order (undecodable ones
  /// are the verifier's business).
  static func entries(_ query: StoreSQL, in connection: any SQLConnection) throws
    -> [AuditEntry]
  {
    var entries: [AuditEntry] = []
    try connection.forEachRow(query) { row in
      var columns = NamedAuditColumns(row: row)
      if case .success(let entry) = Self.entry(from: &columns) { entries.append(entry) }
    }
    return entries
  }

  /// Decodes the columns of `selectSQL`, read in that order.
  static func entry(from fields: inout some AuditColumns) -> Result<AuditEntry, Undecodable> {
    let sequence = fields.int64("sequence")
    do throws(ColumnProblem) {
      guard let sequence else { throw ColumnProblem(column: "sequence") }
      let timeMillis = try need(fields.int64("time_ms"), "time_ms")
      let actor = try need(fields.text("actor"), "actor")
      let actorService = fields.text("actor_service")
      let action = try need(fields.text("action"), "action")
      let resourceType = try need(fields.text("resource_type"), "resource_type")
      let resourceID = fields.text("resource_id")
      let recipientID = fields.text("recipient_id")
      let decision = try need(
        fields.text("decision").flatMap(AuditDecision.init(rawValue:)), "decision")
      let policies = try need(fields.text("policy_ids"), "policy_ids")
      let purpose = fields.text("purpose")
      let breakGlass = try need(fields.int64("break_glass").flatMap(Self.bool), "break_glass")
      let requestID = try need(fields.text("request_id"), "request_id")
      let channel = try need(
        fields.text("channel").flatMap(AuditChannel.init(rawValue:)), "channel")
      let outcome = try need(
        fields.text("outcome").flatMap(AuditOutcome.init(rawValue:)), "outcome")
      let hash = try need(fields.blob("hash"), "hash")
      let version = try need(
        fields.int64("encoding").flatMap { AuditEncodingVersion(rawValue: Int($0)) }, "encoding")
      let osUser = fields.text("os_user")
      let policyDigest = fields.text("policy_digest")
      // A version-1 entry's hash does not cover these columns: filled in, they were forged.
      if version == .v1 {
        guard osUser == nil else { throw ColumnProblem(column: "os_user") }
        guard policyDigest == nil else { throw ColumnProblem(column: "policy_digest") }
      }
      let event = AuditEvent(
        timeMillis: timeMillis, actor: actor, actorService: actorService, action: action,
        resourceType: resourceType, resourceID: resourceID, recipientID: recipientID,
        decision: decision,
        policyIDs: policies.isEmpty
          ? []
          : policies.split(separator: policySeparator, omittingEmptySubsequences: false)
            .map(String.init),
        purpose: purpose, breakGlass: breakGlass, requestID: requestID, channel: channel,
        outcome: outcome, osUser: osUser, policyDigest: policyDigest, encodingVersion: version)
      return .success(AuditEntry(sequence: sequence, event: event, hash: hash))
    } catch {
      return .failure(
        Undecodable(sequence: sequence, reason: "column \(error.column) has an unexpected value"))
    }
  }

  static let selectCheckpointsSQL = """
    SELECT sequence, head_hash, time_ms, key_id, signature FROM audit_checkpoints
    """

  /// `selectCheckpointsSQL` followed by `rest` (an ORDER BY clause).
  static func selectCheckpoints(_ rest: StoreSQL) -> StoreSQL {
    StoreSQL(sql: selectCheckpointsSQL, isStatic: true) + " " + rest
  }

  /// Decodes the columns of `selectCheckpointsSQL`, read in that order; nil if one is not
  /// what a checkpoint holds.
  static func checkpoint(from fields: inout some AuditColumns) -> AuditCheckpoint? {
    guard let sequence = fields.int64("sequence"), let head = fields.blob("head_hash"),
      let time = fields.int64("time_ms"), let keyID = fields.text("key_id"),
      let signature = fields.blob("signature")
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

/// The columns of one audit row, each read once, in the order of the select; nil for a value
/// of another storage class (or NULL), which the decoder reports instead of trapping.
protocol AuditColumns {
  mutating func int64(_ column: String) -> Int64?
  mutating func text(_ column: String) -> String?
  mutating func blob(_ column: String) -> Data?
}

/// A row read through the store's connection, by column name.
struct NamedAuditColumns: AuditColumns {
  let row: StoreRow

  private func value(_ column: String) -> StoreValue {
    row.columns.index[column].map { row.values[$0] } ?? .null
  }

  func int64(_ column: String) -> Int64? {
    guard case .integer(let value) = value(column) else { return nil }
    return value
  }

  func text(_ column: String) -> String? {
    guard case .text(let value) = value(column) else { return nil }
    return value
  }

  func blob(_ column: String) -> Data? {
    guard case .blob(let value) = value(column) else { return nil }
    return value
  }
}

private struct ColumnProblem: Error {
  let column: String
}

private func need<T>(_ value: T?, _ column: String) throws(ColumnProblem) -> T {
  guard let value else { throw ColumnProblem(column: column) }
  return value
}
