import Foundation

/// The canonical encoding shared by every AAD this module builds (sealed fields, wrapped keys).
///
/// Each part is written as a 4-byte big-endian length followed by its bytes: strings as
/// UTF-8, integers as 8-byte big-endian two's complement (so an integer part is always
/// `00 00 00 08` + 8 bytes). The first part is a domain label such as `samhand.field.v1`, so an
/// AAD built for one purpose can never equal one built for another. Length prefixes make the
/// encoding injective: `("ab", "c")` and `("a", "bc")` encode differently.
enum AssociatedData {
  /// One component of an AAD.
  enum Part: Sendable, Hashable {
    case text(String)
    case number(Int)
  }

  /// The encoding of `parts`, or nil when a part is longer than a 4-byte length can say.
  static func encode(_ parts: [Part]) -> Data? {
    var out = Data()
    for part in parts {
      let bytes: Data
      switch part {
      case .text(let text):
        bytes = Data(text.utf8)
      case .number(let number):
        bytes = bigEndianBytes(Int64(number))
      }
      guard let length = UInt32(exactly: bytes.count) else { return nil }
      out.append(bigEndianBytes(length))
      out.append(bytes)
    }
    return out
  }

  private static func bigEndianBytes<Integer: FixedWidthInteger>(_ value: Integer) -> Data {
    withUnsafeBytes(of: value.bigEndian) { Data($0) }
  }
}
