import Foundation
import GRDB
import SamhandCore

extension StoreTransaction {
  /// The access generation this transaction sees: it grows with every committed change to a
  /// table that access facts are read from (migration 0008's triggers), so two snapshots
  /// showing the same generation show the same facts.
  public func accessGeneration() throws -> Int64 {
    try Int64.fetchOne(
      db.cachedStatement(sql: "SELECT value FROM access_generation WHERE id = 1")) ?? 0
  }

  /// The next instant after `instant` at which the set of the recipient's live break-glass
  /// grants changes by time alone (a grant starts or expires), or nil when it never will.
  public func nextBreakGlassChange(of recipient: RecipientID, after instant: Date) throws -> Date? {
    let now = Timestamp.format(instant)
    return try String.fetchOne(
      db.cachedStatement(
        sql: """
          SELECT MIN(CASE WHEN granted_at > ?1 THEN granted_at ELSE expires_at END)
          FROM break_glass_grants WHERE recipient_id = ?2 AND expires_at > ?1
          """), arguments: [now, recipient.rawValue]
    ).map {
      try StoreError.parsed(
        $0, "granted_at or expires_at", table: "break_glass_grants", id: recipient.rawValue,
        Timestamp.parse)
    }
  }

  /// Runs `body` and answers the tables its statements read: for checking that the access
  /// generation covers every table the access facts come from.
  public func tablesRead(by body: () throws -> Void) throws -> Set<String> {
    var statements: Set<String> = []
    db.trace(options: .statement) { event in
      if case .statement(let statement) = event { statements.insert(statement.sql) }
    }
    defer { db.trace(options: [], nil) }
    try body()
    let tables = try String.fetchAll(
      db.cachedStatement(
        sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"))
    var read: Set<String> = []
    for sql in statements {
      let region = try db.makeStatement(sql: sql).databaseRegion
      read.formUnion(
        tables.filter { region.isModified(byEventsOfKind: .insert(tableName: $0)) })
    }
    return read
  }

  /// The tables whose every insert, update and delete increases the access generation.
  public func tablesCoveredByAccessGeneration() throws -> Set<String> {
    let triggers = try Row.fetchAll(
      db.cachedStatement(
        sql: """
          SELECT tbl_name, sql FROM sqlite_master
          WHERE type = 'trigger' AND sql LIKE '%UPDATE access_generation SET value = value + 1%'
          """))
    var events: [String: Set<String>] = [:]
    for trigger in triggers {
      let table: String = trigger["tbl_name"]
      let sql: String = trigger["sql"]
      for event in ["INSERT", "UPDATE", "DELETE"] where sql.contains("AFTER \(event) ON") {
        events[table, default: []].insert(event)
      }
    }
    return Set(events.filter { $0.value.count == 3 }.keys)
  }
}
