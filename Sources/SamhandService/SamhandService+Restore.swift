import Foundation
import SamhandCore
import SamhandStore

extension SamhandService {
  /// Restores a `samhand backup` file with its keys directory into a new or empty data
  /// directory, all checks first (see `BackupFile.restore`), and records the restore in the
  /// restored audit log with a checkpoint over it. A refusal leaves nothing behind.
  public static func restore(
    from backup: URL, keys: URL, into dataDirectory: URL, by osUser: String,
    clock: any WallClock = SystemClock()
  ) throws -> RestoreReport {
    try BackupFile.restore(from: backup, keys: keys, into: dataDirectory) { restored in
      try SQLiteStore.reopen(restored, clock: clock).write { transaction in
        try transaction.appendAudit(
          AuditActor.operator(osUser: osUser).event(
            action: "store.restore", resourceType: "store", resourceID: backup.lastPathComponent,
            at: clock.now))
        _ = try transaction.writeCheckpoint()
      }
    }
  }
}
