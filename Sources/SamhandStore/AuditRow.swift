import Foundation
import GRDB
import GRDBSQLite
import SamhandAudit

/// Maps audit entries and checkpoints to rows and back. Decoding never traps: a row that was
/// tampered into something undecodable is reported, because the verifier must see it.
enum AuditRow {
  /// Separates policy ids in the `policy_ids` column; ids never contain it.
  static let policySeparator: Character = "\u{1F}"

  static let selectSQL = """
    SELECT sequence, time_ms, actor, actor_service, action, resource_type, resource_id,
      recipient_id, decision, policy_ids, purpose, break_glass, request_id, channel, outcome,
      hash, encoding, os_user, policy_digest FROM audit_entries
    """

  /// Inserts `entry` with the Merkle tree hashes its append stores (`AuditTreeRows`); nil
  /// leaves it outside the tree.
  static func insert(_ entry: AuditEntry, treeHashes: Data? = nil, into db: Database) throws {
    let event = entry.event
    try db.cachedStatement(
      sql: """
        INSERT INTO audit_entries (sequence, time_ms, actor, actor_service, action,
          resource_type, resource_id, recipient_id, decision, policy_ids, purpose, break_glass,
          request_id, channel, outcome, hash, encoding, os_user, policy_digest, tree_hashes)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    ).execute(arguments: [
      entry.sequence, event.timeMillis, event.actor, event.actorService, event.action,
      event.resourceType, event.resourceID, event.recipientID, event.decision.rawValue,
      event.policyIDs.joined(separator: String(policySeparator)), event.purpose, event.breakGlass,
      event.requestID, event.channel.rawValue, event.outcome.rawValue, entry.hash,
      event.encodingVersion.rawValue, event.osUser, event.policyDigest, treeHashes,
    ])
  }

  /// Why a row could not be decoded, with its sequence where that much was readable.
  struct Undecodable: Error {
    let sequence: Int64?
    let reason: String
  }

  /// Steps `statement` (a `selectSQL` query, arguments bound) row by row, decoding each
  /// straight from SQLite's column buffers: the verifier reads millions of rows.
  static func forEachEntry(
    of statement: Statement, _ body: (Result<AuditEntry, Undecodable>) throws -> Void
  ) throws {
    try step(statement) { fields in try body(entry(from: &fields)) }
  }

  private static func step(
    _ statement: Statement, _ row: (inout ColumnFields) throws -> Void
  ) throws {
    let sqlite = statement.sqliteStatement
    sqlite3_reset(sqlite)
    defer { sqlite3_reset(sqlite) }
    while true {
      let code = sqlite3_step(sqlite)
      if code == SQLITE_DONE { return }
      guard code == SQLITE_ROW else {
        throw DatabaseError(
          resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errstr(code)))
      }
      var fields = ColumnFields(statement: sqlite)
      try row(&fields)
    }
  }

  private static func entry(from fields: inout ColumnFields) -> Result<AuditEntry, Undecodable> {
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
      let version = try need(
        fields.int64().flatMap { AuditEncodingVersion(rawValue: Int($0)) }, "encoding")
      let osUser = fields.optionalText()
      let policyDigest = fields.optionalText()
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

  /// Every checkpoint row of `statement` (a `selectCheckpointsSQL` query), nil for one that
  /// cannot be decoded.
  static func checkpoints(of statement: Statement) throws -> [AuditCheckpoint?] {
    var checkpoints: [AuditCheckpoint?] = []
    try step(statement) { fields in
      guard let sequence = fields.int64(), let head = fields.blob(), let time = fields.int64(),
        let keyID = fields.text(), let signature = fields.blob()
      else { return checkpoints.append(nil) }
      checkpoints.append(
        AuditCheckpoint(
          sequence: sequence, headHash: head, timeMillis: time, keyID: keyID,
          signature: signature))
    }
    return checkpoints
  }

  private static func bool(_ value: Int64) -> Bool? {
    switch value {
    case 0: return false
    case 1: return true
    default: return nil
    }
  }
}

/// Reads the current row's columns left to right by storage class, returning nil instead of
/// trapping on a value of the wrong type.
private struct ColumnFields {
  let statement: SQLiteStatement
  var index: Int32 = 0

  private mutating func next(_ type: Int32) -> Int32? {
    defer { index += 1 }
    return sqlite3_column_type(statement, index) == type ? index : nil
  }

  mutating func int64() -> Int64? {
    next(SQLITE_INTEGER).map { sqlite3_column_int64(statement, $0) }
  }

  mutating func text() -> String? {
    next(SQLITE_TEXT).map { column in
      let count = Int(sqlite3_column_bytes(statement, column))
      guard let bytes = sqlite3_column_text(statement, column) else { return "" }
      return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }
  }

  mutating func optionalText() -> String? { text() }

  mutating func blob() -> Data? {
    next(SQLITE_BLOB).map { column in
      let count = Int(sqlite3_column_bytes(statement, column))
      guard let bytes = sqlite3_column_blob(statement, column) else { return Data() }
      return Data(bytes: bytes, count: count)
    }
  }
}

private struct ColumnProblem: Error {
  let column: String
}

private func need<T>(_ value: T?, _ column: String) throws(ColumnProblem) -> T {
  guard let value else { throw ColumnProblem(column: column) }
  return value
}
