import Foundation
import GRDB
import SamhandCore

/// The shape every sealed part of a plan or group is written and found in, kept in one place:
/// a new id, its row, and text sealed to that table, row and column.
extension StoreTransaction {
  /// Inserts one row under a new id of `Kind` into `table`: `id`, then `columns` with the
  /// `values` made with the row's sealer. Returns the id, and the sealer for rows that belong
  /// to this one. Table and column names are the callers' literals, never input.
  func insertSealedRow<Kind: IdentifierKind>(
    into table: String, recipient: RecipientID, columns: [String],
    values: (FieldSealer) throws -> [(any DatabaseValueConvertible)?]
  ) throws -> (id: Identifier<Kind>, sealer: FieldSealer) {
    let id = Identifier<Kind>.generate()
    let sealer = try sealer(table: table, rowID: id.rawValue, recipient: recipient)
    let row: [(any DatabaseValueConvertible)?] = [id.rawValue] + (try values(sealer))
    let placeholders = Array(repeating: "?", count: row.count).joined(separator: ", ")
    try db.execute(
      sql: "INSERT INTO \(table) (id, \(columns.joined(separator: ", "))) VALUES (\(placeholders))",
      arguments: StatementArguments(row))
    return (id, sealer)
  }

  /// The ids a one-column query with one argument returns.
  func idSet<Kind: IdentifierKind>(_ sql: String, _ argument: String) throws
    -> Set<Identifier<Kind>>
  {
    Set(try String.fetchAll(db, sql: sql, arguments: [argument]).map(Identifier.init(rawValue:)))
  }
}
