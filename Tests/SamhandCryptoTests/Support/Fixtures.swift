import Foundation
import SamhandCrypto

/// The context most tests seal under: a recipient's name.
let nameContext = SealContext(
  table: "recipient", column: "name", rowID: "rcp-0001", keyVersion: 1)

/// Synthetic national ids (month + 80, valid check digits); no real person has them.
enum SyntheticNationalID {
  static let first = "01818012337"
  static let second = "15838545626"
  static let third = "23929078918"
}

/// A key ring created in a fresh temporary keys directory, for tests that need one.
@discardableResult
func withKeyRing<T>(_ body: (KeyRing, TemporaryDirectory) throws -> T) throws -> T {
  try TemporaryDirectory.with { directory in
    try body(try KeyRing.create(at: directory.keys), directory)
  }
}
