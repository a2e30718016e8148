import Crypto
import Foundation
import SamhandAudit

/// Fictional audit events and logs for the tests; ids only, no names.
enum Fixtures {
  static let keyID = "audit-1"
  static var signingKey: Curve25519.Signing.PrivateKey { fixedKey(seedByte: 7) }
  static var publicKeys: [String: Curve25519.Signing.PublicKey] {
    [keyID: signingKey.publicKey]
  }

  /// A key from 32 equal bytes: reproducible, and valid for any byte.
  static func fixedKey(seedByte: UInt8) -> Curve25519.Signing.PrivateKey {
    (try? Curve25519.Signing.PrivateKey(rawRepresentation: Data(repeating: seedByte, count: 32)))
      ?? Curve25519.Signing.PrivateKey()
  }

  /// The event numbered `index`: every field varies with it, optional fields are sometimes
  /// nil, so mutations meet every shape.
  static func event(_ index: Int) -> AuditEvent {
    let actions = ["recipient.read", "plan.update", "handover.accept", "consent.add"]
    return AuditEvent(
      timeMillis: 1_767_225_600_000 + Int64(index) * 1_500,
      actor: index % 11 == 0 ? "operator:drift" : "staff-\(index % 37)",
      actorService: index % 5 == 0 ? nil : ["nav", "tsb", "psykisk-helse-rus"][index % 3],
      action: actions[index % actions.count],
      resourceType: index % 3 == 0 ? "Plan" : "Recipient",
      resourceID: index % 4 == 0 ? nil : "res-\(index % 101)",
      recipientID: index % 7 == 0 ? nil : "rcp-\(index % 89)",
      decision: AuditDecision.allCases[index % AuditDecision.allCases.count],
      policyIDs: Array(["nav-care-read", "consent-live", "block-forbids"].prefix(index % 4)),
      purpose: index % 3 == 1 ? nil : "follow-up",
      breakGlass: index % 97 == 0,
      requestID: "req-\(index)",
      channel: AuditChannel.allCases[index % AuditChannel.allCases.count],
      outcome: AuditOutcome.allCases[index % AuditOutcome.allCases.count],
      osUser: index % 5 == 4 ? nil : "drift",
      policyDigest: index % 6 == 0 ? nil : String(repeating: "\(index % 10)", count: 64))
  }

  /// A log of `count` entries with a checkpoint every `checkpointEvery` entries.
  static func log(count: Int, checkpointEvery: Int) throws -> AuditLog {
    var entries: [AuditEntry] = []
    var checkpoints: [AuditCheckpoint] = []
    for index in 0..<count {
      let entry = AuditChain.append(event(index), after: entries.last?.head)
      entries.append(entry)
      if entry.sequence % Int64(checkpointEvery) == 0 {
        checkpoints.append(
          try AuditCheckpoint.sign(
            head: entry.head, timeMillis: entry.event.timeMillis + 1, keyID: keyID,
            key: signingKey))
      }
    }
    return AuditLog(entries: entries, checkpoints: checkpoints)
  }
}

/// Entries and checkpoints as a store would hold them.
struct AuditLog: Sendable {
  var entries: [AuditEntry]
  var checkpoints: [AuditCheckpoint]

  func verify(
    publicKeys: [String: Curve25519.Signing.PublicKey] = Fixtures.publicKeys
  ) -> AuditVerificationReport {
    var verifier = AuditVerifier(checkpoints: checkpoints, publicKeys: publicKeys)
    for entry in entries {
      verifier.feed(entry)
    }
    return verifier.finish()
  }

  /// The same verification fed `size` entries at a time, checkpoint signatures checked on
  /// another core while each batch is hashed.
  func verifyInBatches(
    of size: Int, publicKeys: [String: Curve25519.Signing.PublicKey] = Fixtures.publicKeys
  ) async -> AuditVerificationReport {
    var verifier = AuditVerifier(checkpoints: checkpoints, publicKeys: publicKeys)
    var start = 0
    while start < entries.count {
      await verifier.feed(contentsOf: Array(entries[start..<min(start + size, entries.count)]))
      start += size
    }
    return verifier.finish()
  }
}
