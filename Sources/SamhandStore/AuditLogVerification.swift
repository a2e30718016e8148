import Crypto
import Foundation
import GRDB
import SamhandAudit

/// Verifies the audit log straight from the database file, opened read-only, with only the
/// public key(s): no key ring, no running server, nothing of the write path.
public enum AuditLogVerification {
  /// How often `progress` is called, in entries.
  public static let progressStep: Int64 = 100_000

  /// Reads every checkpoint and entry in sequence order and feeds the streaming verifier.
  /// `progress` receives (entries read, entries in the log).
  public static func verify(
    databaseAt url: URL, publicKeys: [String: Curve25519.Signing.PublicKey],
    progress: ((Int64, Int64) -> Void)? = nil
  ) throws -> AuditVerificationReport {
    guard FileManager.default.fileExists(atPath: url.path) else {
      throw StoreError.cannotOpen(path: url.path, reason: "no such file")
    }
    var configuration = Configuration()
    configuration.readonly = true
    let queue = try translatingErrors(path: url.path) {
      try DatabaseQueue(path: url.path, configuration: configuration)
    }
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
    var checkpoints: [AuditCheckpoint] = []
    for checkpoint in try AuditRow.checkpoints(
      of: db.makeStatement(sql: AuditRow.selectCheckpointsSQL + " ORDER BY sequence"))
    {
      guard let checkpoint else {
        return AuditVerificationReport(
          intact: false, entriesChecked: 0, checkpointsChecked: 0, head: nil,
          problem: AuditProblem(
            sequence: nil, kind: .badCheckpoint, detail: "a checkpoint row is unreadable"))
      }
      checkpoints.append(checkpoint)
    }
    let total = try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_entries") ?? 0
    var verifier = AuditVerifier(checkpoints: checkpoints, publicKeys: publicKeys)
    var read: Int64 = 0
    try AuditRow.forEachEntry(
      of: db.makeStatement(sql: AuditRow.selectSQL + " ORDER BY sequence")
    ) { decoded in
      switch decoded {
      case .success(let entry): verifier.feed(entry)
      case .failure(let problem):
        verifier.feedUndecodable(sequence: problem.sequence, reason: problem.reason)
      }
      read += 1
      if read % progressStep == 0 { progress?(read, total) }
    }
    progress?(read, total)
    return verifier.finish()
  }
}
