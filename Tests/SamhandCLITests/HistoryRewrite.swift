import Foundation
import GRDB
import SamhandAudit

@testable import SamhandStore

/// What whoever holds the whole data directory, keys included, can do to the audit log with
/// the store's own code: change one entry, then rebuild everything after it so that nothing
/// in the directory disagrees. Only a witness outside the directory can tell.
enum HistoryRewrite {
  /// Changes entry `sequence` with `change`, recomputes every later chain hash and every
  /// tree hash, and re-signs every checkpoint (both forms, at the sizes they had) with the
  /// data directory's signing key. The cosignatures witnesses handed back go: they would
  /// give the rewrite away.
  static func rewrite(
    dataDirectory: URL, entry sequence: Int64, change: (inout AuditEvent) -> Void
  ) throws {
    let store = try DataDirectory(url: dataDirectory).open().store
    try store.write { transaction in
      let db = (transaction.connection as! GRDBConnection).db
      var events: [(sequence: Int64, event: AuditEvent)] = []
      try AuditRow.forEachEntry(
        of: db.makeStatement(sql: AuditRow.selectSQL + " ORDER BY sequence")
      ) { decoded in
        let entry = try decoded.get()
        events.append((entry.sequence, entry.event))
      }
      let signedAt = Set(
        try Int64.fetchAll(db, sql: "SELECT sequence FROM audit_checkpoints")
          + Int64.fetchAll(db, sql: "SELECT tree_size FROM audit_signed_checkpoints"))
      try db.execute(
        sql: """
          DROP TRIGGER audit_entries_refuse_delete; DROP TRIGGER audit_checkpoints_refuse_delete;
          DROP TRIGGER audit_signed_checkpoints_refuse_delete;
          DELETE FROM audit_entries; DELETE FROM audit_checkpoints;
          DELETE FROM audit_signed_checkpoints; DELETE FROM audit_cosignatures;
          """)
      for (number, original) in events {
        var event = original
        if number == sequence { change(&event) }
        try transaction.appendAudit(event)
        if signedAt.contains(number) { try transaction.writeCheckpoint() }
      }
    }
  }
}
