import Crypto
import Foundation
import SamhandCrypto
import Testing

@Suite("The audit signing key")
struct AuditKeyTests {
  @Test("a signature made with the signing key verifies with the public key after reload")
  func signAndVerifyAfterReload() throws {
    try withKeyRing { ring, directory in
      let head = Data("chain head 42".utf8)
      let signature = try ring.auditSigningKey.signature(for: head)
      let reloaded = try KeyRing.load(from: directory.keys)
      #expect(reloaded.auditPublicKey.isValidSignature(signature, for: head))
      #expect(!reloaded.auditPublicKey.isValidSignature(signature, for: Data("chain head 43".utf8)))
      #expect(reloaded.auditPublicKey.rawRepresentation == ring.auditPublicKey.rawRepresentation)
    }
  }

  @Test("the public key file holds the raw public key")
  func publicKeyFile() throws {
    try withKeyRing { ring, directory in
      let raw = try Data(contentsOf: directory.keys.appending(path: "audit-signing.pub"))
      #expect(raw == ring.auditPublicKey.rawRepresentation)
    }
  }

  @Test("the key id is the first 16 hex characters of SHA-256 of the raw public key")
  func keyID() throws {
    try withKeyRing { ring, _ in
      let digest = SHA256.hash(data: ring.auditPublicKey.rawRepresentation)
      let hex = digest.map { String(format: "%02x", $0) }.joined()
      #expect(ring.auditKeyID == String(hex.prefix(16)))
      #expect(ring.auditKeyID.count == 16)
    }
  }

  @Test("different installations have different audit keys")
  func distinct() throws {
    try withKeyRing { ring, _ in
      try withKeyRing { other, _ in #expect(ring.auditKeyID != other.auditKeyID) }
    }
  }
}
