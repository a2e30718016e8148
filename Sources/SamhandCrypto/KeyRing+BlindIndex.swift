import Crypto
import Foundation

extension KeyRing {
  /// Length of a blind index in bytes.
  public static let blindIndexByteCount = 16

  /// The keyed lookup value for a national id, stored instead of the id itself.
  ///
  /// HMAC-SHA-256 under the blind-index key over the normalised id (whitespace, `.` and `-`
  /// removed), truncated to 16 bytes. Equal ids give equal indexes under one key; without
  /// the key nothing about the id can be learnt or checked from the index.
  ///
  /// Why 16 bytes: the index only has to tell ids apart. With n ids the chance of any
  /// collision is about n² / 2¹²⁹; for every Norwegian id ever issued, n ≈ 10⁷, that is
  /// about 10⁻²⁵, and a municipality's few thousand recipients are further below. Half the
  /// full tag halves the index column and its B-tree. Truncation does not help an attacker
  /// guess ids: the index is keyed, so without the key no guess can be checked at any
  /// length, and with the key the whole space of valid ids can be enumerated at any length.
  public func blindIndex(nationalID: String) -> Data {
    let code = HMAC<SHA256>.authenticationCode(
      for: Data(Self.normalised(nationalID: nationalID).utf8), using: blindIndexKey)
    return Data(code.prefix(Self.blindIndexByteCount))
  }

  /// `nationalID` without the separators people type: whitespace, `.` and `-`.
  static func normalised(nationalID: String) -> String {
    var kept = String.UnicodeScalarView()
    kept.append(
      contentsOf: nationalID.unicodeScalars.lazy.filter {
        !$0.properties.isWhitespace && $0 != "." && $0 != "-"
      })
    return String(kept)
  }
}
