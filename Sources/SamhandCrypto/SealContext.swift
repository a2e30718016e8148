import Foundation

/// Binds a sealed value to where it lives, so a ciphertext moved elsewhere fails to open.
///
/// The context is not stored with the value; it is rebuilt from the row being read. A value
/// copied into another table, column or row, or opened with another key version, therefore
/// fails with ``CryptoError/sealedFieldInvalid``.
///
/// ```swift
/// let context = SealContext(table: "recipient", column: "name", rowID: id, keyVersion: 1)
/// let sealed = try dataKey.seal("Kari Fiktiv", context: context)
/// let name = try dataKey.openString(sealed, context: context)
/// ```
public struct SealContext: Sendable, Hashable {
  /// The table the value is stored in.
  public let table: String
  /// The column the value is stored in.
  public let column: String
  /// The id of the row the value belongs to.
  public let rowID: String
  /// The version of the data key that seals the value (``DataKey/version``).
  public let keyVersion: Int

  /// A context for the value in `table`.`column` of row `rowID`, sealed with key `keyVersion`.
  public init(table: String, column: String, rowID: String, keyVersion: Int) {
    self.table = table
    self.column = column
    self.rowID = rowID
    self.keyVersion = keyVersion
  }

  /// The AAD: the canonical encoding of `samhand.field.v1`, table, column, row id and key
  /// version (see ``AssociatedData``); nil only for parts longer than 4 GiB.
  var associatedData: Data? {
    AssociatedData.encode([
      .text("samhand.field.v1"), .text(table), .text(column), .text(rowID), .number(keyVersion),
    ])
  }
}
