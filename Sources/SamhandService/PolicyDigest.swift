import Crypto
import Foundation

/// Which policy set decided: SHA-256 (hex) over the policy files' names and texts in load
/// order, each length-prefixed, computed once when the set is loaded. Every audit entry the
/// gate writes carries it, so a command run with `--policies` from elsewhere shows in the log.
///
/// ```swift
/// let digest = PolicyDigest.of([(name: "global.cedar", text: "permit (principal, action, resource);")])
/// ```
public enum PolicyDigest {
  public static func of(_ files: [(name: String, text: String)]) -> String {
    var hasher = SHA256()
    for file in files {
      for field in [file.name, file.text] {
        let bytes = Array(field.utf8)
        withUnsafeBytes(of: UInt64(bytes.count).bigEndian) { hasher.update(bufferPointer: $0) }
        hasher.update(data: bytes)
      }
    }
    return hasher.finalize().map { String(format: "%02x", $0) }.joined()
  }
}
