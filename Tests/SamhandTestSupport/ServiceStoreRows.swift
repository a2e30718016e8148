@testable import SamhandService
@testable import SamhandStore

/// What tests inspect of the database, read in a snapshot of the service's own store, so the
/// same test runs on SQLite and on PostgreSQL (no test opens the SQLite file for this).
extension SamhandService {
  /// Runs `body` on one read snapshot, for reads that must agree with each other.
  public func snapshot<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
    try store.read { try body($0.connection) }
  }

  public func rows(_ sql: StoreSQL) throws -> [StoreRow] {
    try store.read { try $0.connection.fetchAll(sql) }
  }

  /// The first column of every row.
  public func values<T: StoreValueConvertible>(_ sql: StoreSQL, as type: T.Type = T.self) throws
    -> [T]
  {
    try store.read { try $0.connection.fetchValues(sql, as: T.self) }
  }

  /// A single count (`SELECT COUNT(*) …`).
  public func count(_ sql: StoreSQL) throws -> Int {
    try store.read { try $0.connection.fetchValue(sql, as: Int.self) } ?? 0
  }

  /// Runs a statement outside the service's use cases: for tests that tamper with rows.
  public func tamper(_ sql: StoreSQL) throws {
    try store.write { try $0.connection.execute(sql) }
  }

  /// The audit entries written after `sequence`: action, recipient id, decision.
  public func auditEntries(after sequence: Int64) throws -> [(
    action: String, recipient: String?, decision: String
  )] {
    try rows(
      """
      SELECT action, recipient_id, decision FROM audit_entries WHERE sequence > \(sequence)
      ORDER BY sequence
      """
    ).map { (try $0["action"], try $0["recipient_id"], try $0["decision"]) }
  }

  /// The newest audit entry's sequence number (0 for an empty log).
  public func auditHeadSequence() throws -> Int64 {
    try store.read {
      try $0.connection.fetchValue(
        "SELECT COALESCE(MAX(sequence), 0) FROM audit_entries", as: Int64.self)
    } ?? 0
  }

  /// The names of the schema's tables.
  public func tableNames() throws -> [String] {
    try values(
      dialectSQL(
        sqlite: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        postgres: """
          SELECT table_name AS name FROM information_schema.tables
          WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
          """),
      as: String.self
    ).sorted()
  }

  /// Every column of the schema as `table.column`.
  public func columnNames() throws -> [String] {
    try rows(
      dialectSQL(
        sqlite: """
          SELECT m.name AS table_name, p.name AS column_name
          FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table'
          """,
        postgres: """
          SELECT table_name, column_name FROM information_schema.columns
          WHERE table_schema = current_schema()
          """)
    ).map { "\(try $0["table_name"] as String).\(try $0["column_name"] as String)" }
  }

  /// Every foreign key of the schema: the table holding it and the table it points to.
  public func foreignKeys() throws -> [(table: String, target: String)] {
    try rows(
      dialectSQL(
        sqlite: """
          SELECT m.name AS tbl, f."table" AS target FROM sqlite_master m,
            pragma_foreign_key_list(m.name) f WHERE m.type = 'table'
          """,
        postgres: """
          SELECT c.table_name AS tbl, u.table_name AS target
          FROM information_schema.table_constraints c
          JOIN information_schema.constraint_column_usage u
            ON u.constraint_name = c.constraint_name AND u.table_schema = c.table_schema
          WHERE c.constraint_type = 'FOREIGN KEY' AND c.table_schema = current_schema()
          """)
    ).map { (try $0["tbl"], try $0["target"]) }
  }

  private func dialectSQL(sqlite: StoreSQL, postgres: StoreSQL) throws -> StoreSQL {
    try store.read { $0.connection.dialect } == .sqlite ? sqlite : postgres
  }
}
