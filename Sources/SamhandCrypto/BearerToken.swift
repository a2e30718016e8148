import Crypto
import Foundation

/// Staff bearer tokens: 256 random bits shown once, stored only as their SHA-256. The secret
/// has full entropy, so an unkeyed hash is enough to make a stolen table useless.
public enum BearerToken {
  /// Every token starts with this, so a leaked one is recognisable in a secret scanner.
  public static let prefix = "smh_"

  /// A new secret: the prefix and 43 base64url characters.
  public static func generate() -> String {
    let bytes = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
    let text = bytes.base64EncodedString()
      .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
      .replacingOccurrences(of: "=", with: "")
    return prefix + text
  }

  /// What the store keeps of a token.
  public static func hash(_ token: String) -> Data {
    Data(SHA256.hash(data: Data(token.utf8)))
  }
}
