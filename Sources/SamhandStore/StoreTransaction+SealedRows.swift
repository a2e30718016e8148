import Foundation
import SamhandCore

/// The shape every sealed part of a plan or group is written and found in, kept in one place:
/// a new id, its row, and text sealed to that table, row and column.
extension StoreTransaction {
  /// Inserts one row under a new id of `Kind` into `table`: `id`, then `columns` with the
  /// `values` made with the row's sealer. Returns the id, and the sealer for rows that belong
  /// to this one. Table and column names are the callers' literals, never input.
  func insertSealedRow<Kind: IdentifierKind>(
    into table: String, recipient: RecipientID, columns: [String],
    values: (FieldSealer) throws -> [any StoreValueConvertible]
  ) throws -> (id: Identifier<Kind>, sealer: FieldSealer) {
    let id = Identifier<Kind>.generate()
    let sealer = try sealer(table: table, rowID: id.rawValue, recipient: recipient)
    let row = [id.rawValue.storeValue] + (try values(sealer)).map(\.storeValue)
    let placeholders = Array(repeating: "?", count: row.count).joined(separator: ", ")
    try connection.execute(
      StoreSQL(
        sql:
          "INSERT INTO \(table) (id, \(columns.joined(separator: ", "))) VALUES (\(placeholders))",
        arguments: row, isStatic: true))
    return (id, sealer)
  }

  /// The ids a one-column query with one argument (`?`) returns.
  func idSet<Kind: IdentifierKind>(_ sql: String, _ argument: String) throws
    -> Set<Identifier<Kind>>
  {
    Set(
      try connection.fetchValues(
        StoreSQL(sql: sql, arguments: [argument.storeValue], isStatic: true), as: String.self
      ).map(Identifier.init(rawValue:)))
  }
}
