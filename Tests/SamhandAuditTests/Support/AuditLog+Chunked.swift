import Crypto
import Testing

@testable import SamhandAudit

extension AuditLog {
  /// `verifyInBatches(of:)` with the batch walk cutting each batch into chunks of `chunkSize`
  /// entries, so that small logs cross many chunk boundaries.
  func verifyInBatches(
    of size: Int, chunkSize: Int,
    publicKeys: [String: Curve25519.Signing.PublicKey] = Fixtures.publicKeys
  ) async -> AuditVerificationReport {
    var verifier = AuditVerifier(checkpoints: checkpoints, publicKeys: publicKeys)
    verifier.chunkSize = chunkSize
    var start = 0
    while start < entries.count {
      await verifier.feed(contentsOf: Array(entries[start..<min(start + size, entries.count)]))
      start += size
    }
    return verifier.finish()
  }
}

extension AuditVerificationReport {
  /// Expects every field to equal `other`'s, one by one, so a failure names the field.
  func expectSame(as other: AuditVerificationReport, _ context: Comment) {
    #expect(intact == other.intact, context)
    #expect(entriesChecked == other.entriesChecked, context)
    #expect(checkpointsChecked == other.checkpointsChecked, context)
    #expect(head == other.head, context)
    #expect(problem?.kind == other.problem?.kind, context)
    #expect(problem?.sequence == other.problem?.sequence, context)
    #expect(problem?.detail == other.problem?.detail, context)
  }
}
