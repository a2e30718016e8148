import Crypto
import Foundation
import GRDB
import SamhandAudit

/// The verification of the database file opened read-only, SQLite only by nature: rows are
/// stepped straight from SQLite's buffers (`AuditRow+SQLite.swift`), the verifier reads
/// millions of them.
extension AuditLogVerification {
  /// Reads every checkpoint and entry in sequence order and feeds the streaming verifier one
  /// entry at a time, on the calling thread. `progress` receives (entries read, entries in the
  /// log). `verifyInBatches` gives the same report faster.
  public static func verify(
    databaseAt url: URL, publicKeys: [String: Curve25519.Signing.PublicKey],
    progress: ((Int64, Int64) -> Void)? = nil
  ) throws -> AuditVerificationReport {
    let queue = try openReadOnly(url)
    return try translatingErrors(path: url.path) {
      try queue.read { db in try verify(db, publicKeys: publicKeys, progress: progress) }
    }
  }

  /// The verification itself, on an open connection (tests use it inside a rolled-back
  /// transaction to try many mutations of one log).
  static func verify(
    _ db: Database, publicKeys: [String: Curve25519.Signing.PublicKey],
    progress: ((Int64, Int64) -> Void)?
  ) throws -> AuditVerificationReport {
    try verify(
      checkpoints: checkpoints(db), total: entryCount(db), publicKeys: publicKeys,
      progress: progress
    ) { body in try forEachEntry(db, body) }
  }

  static func openReadOnly(_ url: URL) throws -> DatabaseQueue {
    guard FileManager.default.fileExists(atPath: url.path) else {
      throw StoreError.cannotOpen(path: url.path, reason: "no such file")
    }
    var configuration = Configuration()
    configuration.readonly = true
    return try translatingErrors(path: url.path) {
      try DatabaseQueue(path: url.path, configuration: configuration)
    }
  }

  /// All checkpoints in sequence order; nil if one is unreadable.
  static func checkpoints(_ db: Database) throws -> [AuditCheckpoint]? {
    var checkpoints: [AuditCheckpoint] = []
    for checkpoint in try AuditRow.checkpoints(
      of: db.makeStatement(sql: AuditRow.selectCheckpointsSQL + " ORDER BY sequence"))
    {
      guard let checkpoint else { return nil }
      checkpoints.append(checkpoint)
    }
    return checkpoints
  }

  static func entryCount(_ db: Database) throws -> Int64 {
    try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_entries") ?? 0
  }

  /// Every entry row in sequence order, decoded or not.
  static func forEachEntry(
    _ db: Database, _ body: (Result<AuditEntry, AuditRow.Undecodable>) throws -> Void
  ) throws {
    try AuditRow.forEachEntry(
      of: db.makeStatement(sql: AuditRow.selectSQL + " ORDER BY sequence"), body)
  }
}
