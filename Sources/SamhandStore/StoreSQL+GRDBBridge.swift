import GRDB

/// A `StoreSQL` inside a GRDB `SQL` literal, while repositories move to `StoreSQL`
/// (deleted with the last GRDB literal outside `GRDBConnection`).
extension SQLInterpolation {
  mutating func appendInterpolation(_ sql: StoreSQL) {
    appendInterpolation(
      sql: sql.text, arguments: StatementArguments(sql.arguments.map(GRDBConnection.databaseValue)))
  }
}
