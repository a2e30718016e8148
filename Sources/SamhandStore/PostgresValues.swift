import Foundation
import NIOCore
import PostgresNIO

/// How `StoreSQL` and `StoreValue` cross to PostgreSQL and back: `?` placeholders become
/// `$1…$n`, values are bound with their natural types (int8, float8, text, bytea, untyped
/// NULL), and cells come back as the storage classes the repositories read (see `StoreValue`).
enum PostgresValues {
  /// The statement with `$n` placeholders and its arguments bound.
  static func query(_ sql: StoreSQL) throws -> PostgresQuery {
    var bindings = PostgresBindings(capacity: sql.arguments.count)
    for argument in sql.arguments {
      switch argument {
      case .null: bindings.appendNull()
      case .integer(let integer): bindings.append(integer)
      case .real(let real): bindings.append(real)
      case .text(let text): bindings.append(text)
      case .blob(let data): bindings.append(ByteBuffer(bytes: data))
      }
    }
    return PostgresQuery(unsafeSQL: PostgresScript.numberingPlaceholders(sql.text), binds: bindings)
  }

  /// A cell as a `StoreValue`: integers and booleans (0/1) as integers, floating point as
  /// reals, numerics as integers when integral, text as text, bytea as blobs.
  static func value(_ cell: PostgresCell) throws -> StoreValue {
    guard cell.bytes != nil else { return .null }
    do {
      switch cell.dataType {
      case .int2, .int4, .int8:
        return .integer(try cell.decode(Int64.self))
      case .bool:
        return .integer(try cell.decode(Bool.self) ? 1 : 0)
      case .float4, .float8:
        return .real(try cell.decode(Double.self))
      case .numeric:
        let number = try cell.decode(Decimal.self)
        let real = NSDecimalNumber(decimal: number).doubleValue
        if let integer = Int64(exactly: real), Decimal(integer) == number {
          return .integer(integer)
        }
        return .real(real)
      case .bytea:
        return .blob(Data(buffer: try cell.decode(ByteBuffer.self)))
      default:
        return .text(try cell.decode(String.self))
      }
    } catch let error as PostgresDecodingError {
      throw StoreError.corruptRow(
        table: "query", id: "?",
        reason: "column \(error.columnName) has type \(error.postgresType), which the store "
          + "cannot read")
    }
  }
}
