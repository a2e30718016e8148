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
  /// Built as bytes and copied into `Data` once: every sealed field read builds one.
  static func encode(_ parts: [Part]) -> Data? {
    var size = 0
    for part in parts {
      guard UInt32(exactly: part.byteCount) != nil else { return nil }
      size += MemoryLayout<UInt32>.size + part.byteCount
    }
    var out: [UInt8] = []
    out.reserveCapacity(size)
    for part in parts {
      append(UInt32(part.byteCount), to: &out)
      switch part {
      case .text(let text): out.append(contentsOf: text.utf8)
      case .number(let number): append(Int64(number), to: &out)
      }
    }
    return Data(out)
  }

  private static func append<Integer: FixedWidthInteger>(_ value: Integer, to out: inout [UInt8]) {
    for shift in stride(from: Integer.bitWidth - 8, through: 0, by: -8) {
      out.append(UInt8(truncatingIfNeeded: value >> shift))
    }
  }
}

extension AssociatedData.Part {
  /// How many bytes the part itself takes, without its length prefix.
  var byteCount: Int {
    switch self {
    case .text(let text): text.utf8.count
    case .number: MemoryLayout<Int64>.size
    }
  }
}
