import Foundation

/// A data key as it is stored: encrypted under one version of the key-encryption key.
///
/// The store keeps the three fields next to the recipient. Deleting them shreds every sealed
/// field of that recipient, because the data key exists nowhere else.
///
/// ```swift
/// let wrapped = try keyRing.wrap(dataKey, recipientID: id)
/// // store wrapped.kekVersion, wrapped.dataKeyVersion, wrapped.ciphertext
/// let dataKey = try keyRing.unwrap(wrapped, recipientID: id)
/// ```
public struct WrappedDataKey: Sendable, Hashable {
  /// The version of the key-encryption key that wraps this data key.
  public let kekVersion: Int
  /// The ``DataKey/version`` of the wrapped data key.
  public let dataKeyVersion: Int
  /// `nonce (12) ‖ encrypted key (32) ‖ tag (16)`: AES-256-GCM under the KEK.
  public let ciphertext: Data

  /// A wrapped key as read back from storage.
  public init(kekVersion: Int, dataKeyVersion: Int, ciphertext: Data) {
    self.kekVersion = kekVersion
    self.dataKeyVersion = dataKeyVersion
    self.ciphertext = ciphertext
  }

  /// The AAD binding the wrapped key to its recipient: the canonical encoding of
  /// `samhand.dek.v1`, recipient id, KEK version and data key version (see
  /// ``AssociatedData``); nil only for a recipient id longer than 4 GiB.
  static func associatedData(recipientID: String, kekVersion: Int, dataKeyVersion: Int) -> Data? {
    AssociatedData.encode([
      .text("samhand.dek.v1"), .text(recipientID), .number(kekVersion), .number(dataKeyVersion),
    ])
  }
}
