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

/// Evicting shredded data keys from a process's memory: each transaction first looks for
/// keys shredded (by any process) since the last it evicted, through the `shredded_keys`
/// sequence (migration 0014), and drops them from the key ring's cache of unwrapped keys.
enum ShreddedKeys {
  static func lastSequence(_ connection: any SQLConnection) throws -> Int64 {
    try connection.fetchValue("SELECT MAX(sequence) FROM shredded_keys", as: Int64.self) ?? 0
  }

  static func evict(from keys: LiveKeyRing, _ connection: any SQLConnection) throws {
    let seen = keys.shreddedUpTo.withLock { $0 }
    guard try lastSequence(connection) > seen else { return }
    let rows = try connection.fetchAll(
      "SELECT sequence, recipient_id FROM shredded_keys WHERE sequence > \(seen) ORDER BY sequence"
    )
    keys.ring.forgetDataKeys(of: try rows.map { try $0["recipient_id"] as String })
    let last: Int64 = try rows.last?["sequence"] ?? seen
    keys.shreddedUpTo.withLock { $0 = max($0, last) }
  }
}
