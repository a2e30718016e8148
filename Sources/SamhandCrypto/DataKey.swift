// swift-crypto 3.12 does not mark its key types Sendable; they are immutable values over
// copy-on-write secure storage, so sharing them between tasks is safe.
@preconcurrency import Crypto
import Foundation

/// A recipient's 256-bit data key (DEK). Destroying its wrapped copy shreds the recipient.
///
/// Every sensitive field of a recipient is sealed with their data key; the key itself is
/// only ever stored wrapped by the ``KeyRing`` (see ``KeyRing/wrap(_:recipientID:)``).
///
/// ```swift
/// let dataKey = DataKey.generate()
/// let wrapped = try keyRing.wrap(dataKey, recipientID: recipientID)
/// let sealed = try dataKey.seal("Kari Fiktiv", context: context)
/// ```
public struct DataKey: Sendable {
  /// Size of a data key in bytes.
  static let byteCount = 32

  /// The version of this recipient's data key; sealed fields name it in their ``SealContext``.
  public let version: Int
  let key: SymmetricKey

  init(key: SymmetricKey, version: Int) {
    self.key = key
    self.version = version
  }

  /// A new random 256-bit data key.
  public static func generate(version: Int = 1) -> DataKey {
    DataKey(key: SymmetricKey(size: .bits256), version: version)
  }
}
