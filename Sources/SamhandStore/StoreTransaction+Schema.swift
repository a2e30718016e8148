import Foundation

/// One table of the database schema with its columns in declaration order.
public struct StoredTable: Sendable, Equatable, Encodable {
  public let name: String
  public let columns: [String]

  /// The columns the registry says are sealed (`SealedColumns`); the rest are plaintext.
  public var sealedColumns: [SealedColumn] {
    columns.compactMap { column in
      SealedColumns.all.first { $0.table == name && $0.column == column }
    }
  }
}

extension StoreTransaction {
  /// Every table of the schema and its columns, by table name: what the record of processing
  /// lists as the data this installation holds.
  public func schemaTables() throws -> [StoredTable] {
    let sqlite: StoreSQL = """
      SELECT m.name AS table_name, p.name AS column_name
      FROM sqlite_master m JOIN pragma_table_info(m.name) p
      WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
      ORDER BY m.name, p.cid
      """
    // PostgreSQL's tables carry an explicit `rowid` where SQLite's is hidden
    // (migrations/postgres/README.md), and its own `schema_version`: neither is data.
    let postgres: StoreSQL = """
      SELECT c.table_name, c.column_name FROM information_schema.columns c
      JOIN information_schema.tables t
        ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
        AND c.column_name != 'rowid' AND c.table_name != 'schema_version'
      ORDER BY c.table_name, c.ordinal_position
      """
    let rows = try connection.fetchAll(connection.dialect == .sqlite ? sqlite : postgres)
    var tables: [StoredTable] = []
    for row in rows {
      let table: String = try row["table_name"]
      let column: String = try row["column_name"]
      if tables.last?.name == table {
        tables[tables.count - 1] = StoredTable(
          name: table, columns: tables[tables.count - 1].columns + [column])
      } else {
        tables.append(StoredTable(name: table, columns: [column]))
      }
    }
    return tables
  }
}
