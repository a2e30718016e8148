import GRDB
import SamhandCore

/// Makes shredding reach the bytes of the database file: every connection runs with
/// `secure_delete` on (`SQLiteStore.open`), so deleted content is zeroed in its page; the free
/// pages a database collected before that are cleared by one VACUUM, run the first time a
/// database is opened after migration 0014 recorded that none has run yet. The VACUUM copies
/// the whole database once: it takes time and free disk space in proportion to its size
/// (ops/runbooks/upgrade.md).
enum SecureDelete {
  static func vacuumOnce(_ pool: DatabasePool) throws {
    let done = try pool.read { db in
      try String.fetchOne(db, sql: "SELECT vacuumed_at FROM secure_delete WHERE id = 1") != nil
    }
    guard !done else { return }
    try pool.writeWithoutTransaction { db in
      try db.execute(sql: "VACUUM")
      try db.execute(
        literal: "UPDATE secure_delete SET vacuumed_at = \(Timestamp.format(SystemClock().now))")
      _ = try db.checkpoint(.truncate)
    }
  }
}
