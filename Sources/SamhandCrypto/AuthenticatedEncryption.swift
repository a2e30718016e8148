import Crypto
import Foundation

/// AES-256-GCM with the one byte layout used for sealed fields and wrapped keys alike.
///
/// Layout of a sealed value: `nonce (12 bytes) ‖ ciphertext (same length as the plaintext) ‖
/// tag (16 bytes)`. The nonce is fresh and random for every seal, so sealing the same
/// plaintext twice gives different bytes.
enum AuthenticatedEncryption {
  /// Bytes a sealed value adds to its plaintext: nonce and tag.
  static let overhead = nonceSize + tagSize
  static let nonceSize = 12
  static let tagSize = 16

  /// `plaintext` sealed under `key` with `associatedData`, in the layout above.
  static func seal(
    _ plaintext: some DataProtocol, using key: SymmetricKey, associatedData: Data
  ) throws -> Data {
    let box = try AES.GCM.seal(
      plaintext, using: key, nonce: AES.GCM.Nonce(), authenticating: associatedData)
    var out = Data(capacity: overhead + box.ciphertext.count)
    out.append(contentsOf: box.nonce)
    out.append(box.ciphertext)
    out.append(box.tag)
    return out
  }

  /// The plaintext of `sealed`, or nil if it is short, altered, or sealed under another key
  /// or other associated data.
  static func open(_ sealed: Data, using key: SymmetricKey, associatedData: Data) -> Data? {
    guard sealed.count >= overhead,
      let box = try? AES.GCM.SealedBox(combined: sealed)
    else { return nil }
    return try? AES.GCM.open(box, using: key, authenticating: associatedData)
  }
}
