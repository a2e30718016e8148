import Crypto
import Foundation
import SamhandAudit

/// Verifies the audit log from its rows and the public key(s) alone: no key ring, no running
/// server, nothing of the write path. Through a store connection here (the tree upgrade at
/// open); straight from the database file opened read-only in
/// `AuditLogVerification+SQLite.swift` (`samhand audit verify`).
public enum AuditLogVerification {
  /// How often `progress` is called, in entries.
  public static let progressStep: Int64 = 100_000

  /// Reads every checkpoint and entry through `connection`, in sequence order, and feeds the
  /// streaming verifier one entry at a time.
  static func verify(
    _ connection: any SQLConnection, publicKeys: [String: Curve25519.Signing.PublicKey]
  ) throws -> AuditVerificationReport {
    var checkpoints: [AuditCheckpoint] = []
    var unreadable = false
    try connection.forEachRow(AuditRow.selectCheckpoints("ORDER BY sequence")) { row in
      var columns = NamedAuditColumns(row: row)
      guard let checkpoint = AuditRow.checkpoint(from: &columns) else { return unreadable = true }
      checkpoints.append(checkpoint)
    }
    return try verify(
      checkpoints: unreadable ? nil : checkpoints,
      total: connection.fetchValue("SELECT COUNT(*) FROM audit_entries", as: Int64.self) ?? 0,
      publicKeys: publicKeys, progress: nil
    ) { body in
      try connection.forEachRow(AuditRow.selectEntries("ORDER BY sequence")) { row in
        var columns = NamedAuditColumns(row: row)
        try body(AuditRow.entry(from: &columns))
      }
    }
  }

  /// The walk itself, over the checkpoints (nil if one is unreadable) and the entries
  /// `forEachEntry` delivers in sequence order, decoded or not.
  static func verify(
    checkpoints: [AuditCheckpoint]?, total: Int64,
    publicKeys: [String: Curve25519.Signing.PublicKey], progress: ((Int64, Int64) -> Void)?,
    forEachEntry: ((Result<AuditEntry, AuditRow.Undecodable>) throws -> Void) throws -> Void
  ) throws -> AuditVerificationReport {
    guard let checkpoints else { return unreadableCheckpoint }
    var verifier = AuditVerifier(checkpoints: checkpoints, publicKeys: publicKeys)
    var read: Int64 = 0
    try forEachEntry { decoded in
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

  static let unreadableCheckpoint = AuditVerificationReport(
    intact: false, entriesChecked: 0, checkpointsChecked: 0, head: nil,
    problem: AuditProblem(
      sequence: nil, kind: .badCheckpoint, detail: "a checkpoint row is unreadable"))
}
