import Crypto
import Foundation
import SamhandAudit
import Testing

@Suite("Signed checkpoints")
struct AuditCheckpointTests {
  static let head = AuditChain.append(Fixtures.event(0), after: nil).head

  private func signed() throws -> AuditCheckpoint {
    try AuditCheckpoint.sign(
      head: Self.head, timeMillis: 1_767_225_601_000, keyID: Fixtures.keyID,
      key: Fixtures.signingKey)
  }

  @Test("a checkpoint records the head it signs and verifies under the signer's key")
  func signAndVerify() throws {
    let checkpoint = try signed()
    #expect(checkpoint.sequence == Self.head.sequence)
    #expect(checkpoint.headHash == Self.head.hash)
    #expect(checkpoint.keyID == Fixtures.keyID)
    #expect(checkpoint.hasValidSignature(publicKey: Fixtures.signingKey.publicKey))
  }

  @Test("a checkpoint does not verify under another key")
  func wrongKeyFails() throws {
    let other = Fixtures.fixedKey(seedByte: 8).publicKey
    #expect(try !signed().hasValidSignature(publicKey: other))
  }

  @Test("changing any signed part or the signature breaks the signature")
  func alterationsFail() throws {
    let good = try signed()
    var flippedHash = good.headHash
    flippedHash[0] ^= 1
    var flippedSignature = good.signature
    flippedSignature[10] ^= 0x80
    let altered = [
      AuditCheckpoint(
        sequence: good.sequence + 1, headHash: good.headHash, timeMillis: good.timeMillis,
        keyID: good.keyID, signature: good.signature),
      AuditCheckpoint(
        sequence: good.sequence, headHash: flippedHash, timeMillis: good.timeMillis,
        keyID: good.keyID, signature: good.signature),
      AuditCheckpoint(
        sequence: good.sequence, headHash: good.headHash, timeMillis: good.timeMillis + 1,
        keyID: good.keyID, signature: good.signature),
      AuditCheckpoint(
        sequence: good.sequence, headHash: good.headHash, timeMillis: good.timeMillis,
        keyID: "audit-2", signature: good.signature),
      AuditCheckpoint(
        sequence: good.sequence, headHash: good.headHash, timeMillis: good.timeMillis,
        keyID: good.keyID, signature: flippedSignature),
      AuditCheckpoint(
        sequence: good.sequence, headHash: good.headHash, timeMillis: good.timeMillis,
        keyID: good.keyID, signature: Data()),
    ]
    for checkpoint in altered {
      #expect(!checkpoint.hasValidSignature(publicKey: Fixtures.signingKey.publicKey))
    }
  }

  @Test("the signed message opens with the domain-separation tag")
  func messageIsDomainSeparated() throws {
    let message = try signed().signedMessage
    #expect(message.starts(with: Array("samhand-audit-checkpoint-v1\0".utf8)))
    #expect(
      try Fixtures.signingKey.publicKey.isValidSignature(signed().signature, for: message))
  }

  @Test("signing refuses a head that cannot belong to a log, with a readable reason")
  func invalidHeadIsRefused() {
    let heads = [
      AuditHead(sequence: 0, hash: Self.head.hash),
      AuditHead(sequence: 1, hash: Data(count: 31)),
    ]
    for head in heads {
      #expect(throws: AuditCheckpointError.self) {
        try AuditCheckpoint.sign(
          head: head, timeMillis: 0, keyID: Fixtures.keyID, key: Fixtures.signingKey)
      }
    }
    let error = AuditCheckpointError.invalidHead(sequence: 0, hashByteCount: 32)
    #expect(error.description.contains("sequence 1 or more"))
  }
}
