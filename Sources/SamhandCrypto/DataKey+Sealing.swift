import Crypto
import Foundation

extension DataKey {
  /// `plaintext` sealed with AES-256-GCM under this key, bound to `context`.
  ///
  /// Output layout: `nonce (12 bytes) ‖ ciphertext (plaintext length) ‖ tag (16 bytes)`, with
  /// a fresh random nonce each call. The AAD is the canonical encoding of
  /// `samhand.field.v1`, table, column, row id and key version (see ``SealContext``).
  public func seal(_ plaintext: Data, context: SealContext) throws -> Data {
    guard let associatedData = context.associatedData else { throw CryptoError.sealedFieldInvalid }
    return try AuthenticatedEncryption.seal(plaintext, using: key, associatedData: associatedData)
  }

  /// The plaintext of `sealed`, provided it was sealed by this key for exactly `context`.
  ///
  /// Throws ``CryptoError/sealedFieldInvalid`` for any altered, moved, truncated or empty
  /// value and for a value sealed under another key; it never returns garbage.
  public func open(_ sealed: Data, context: SealContext) throws -> Data {
    guard let associatedData = context.associatedData,
      let plaintext = AuthenticatedEncryption.open(
        sealed, using: key, associatedData: associatedData)
    else { throw CryptoError.sealedFieldInvalid }
    return plaintext
  }

  /// `plaintext` as UTF-8, sealed as ``seal(_:context:)-(Data,_)`` does.
  public func seal(_ plaintext: String, context: SealContext) throws -> Data {
    try seal(Data(plaintext.utf8), context: context)
  }

  /// The text sealed in `sealed`; ``CryptoError/sealedFieldInvalid`` also when it is not UTF-8.
  public func openString(_ sealed: Data, context: SealContext) throws -> String {
    guard let text = String(validating: try open(sealed, context: context), as: UTF8.self) else {
      throw CryptoError.sealedFieldInvalid
    }
    return text
  }
}
