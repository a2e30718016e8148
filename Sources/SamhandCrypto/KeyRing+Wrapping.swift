import Crypto
import Foundation

extension KeyRing {
  /// `key` encrypted under the current KEK for storage next to recipient `recipientID`.
  ///
  /// AES-256-GCM; the AAD is the canonical encoding of `samhand.dek.v1`, the recipient id,
  /// the KEK version and the data key version (see ``WrappedDataKey``), so a wrapped key
  /// copied to another recipient or relabelled with another version does not unwrap.
  public func wrap(_ key: DataKey, recipientID: String) throws -> WrappedDataKey {
    guard let kek = keyEncryptionKeys[currentKEKVersion] else {
      throw CryptoError.unknownKeyVersion(currentKEKVersion)
    }
    guard
      let associatedData = WrappedDataKey.associatedData(
        recipientID: recipientID, kekVersion: currentKEKVersion, dataKeyVersion: key.version)
    else { throw CryptoError.wrappedKeyInvalid(recipientID: recipientID) }
    let ciphertext = try AuthenticatedEncryption.seal(
      key.key.bytes, using: kek, associatedData: associatedData)
    return WrappedDataKey(
      kekVersion: currentKEKVersion, dataKeyVersion: key.version, ciphertext: ciphertext)
  }

  /// The data key of recipient `recipientID`, decrypted with the KEK version it names.
  ///
  /// Throws ``CryptoError/unknownKeyVersion(_:)`` when that KEK is not loaded (retired or
  /// missing) and ``CryptoError/wrappedKeyInvalid(recipientID:)`` on any other failure.
  public func unwrap(_ wrapped: WrappedDataKey, recipientID: String) throws -> DataKey {
    let memo = UnwrappedKeys.Key(recipientID: recipientID, wrapped: wrapped)
    if let known = unwrappedKeys.key(for: memo) { return known }
    let key = try unwrapAnew(wrapped, recipientID: recipientID)
    unwrappedKeys.remember(key, for: memo)
    return key
  }

  /// Evicts the data keys of shredded recipients that this ring unwrapped, so that no copy
  /// of them stays in the process's memory.
  public func forgetDataKeys(of recipientIDs: some Sequence<String>) {
    unwrappedKeys.forget(recipientIDs: Set(recipientIDs))
  }

  private func unwrapAnew(_ wrapped: WrappedDataKey, recipientID: String) throws -> DataKey {
    guard let kek = keyEncryptionKeys[wrapped.kekVersion] else {
      throw CryptoError.unknownKeyVersion(wrapped.kekVersion)
    }
    guard
      let associatedData = WrappedDataKey.associatedData(
        recipientID: recipientID, kekVersion: wrapped.kekVersion,
        dataKeyVersion: wrapped.dataKeyVersion),
      let raw = AuthenticatedEncryption.open(
        wrapped.ciphertext, using: kek, associatedData: associatedData),
      raw.count == DataKey.byteCount
    else { throw CryptoError.wrappedKeyInvalid(recipientID: recipientID) }
    return DataKey(key: SymmetricKey(data: raw), version: wrapped.dataKeyVersion)
  }
}
