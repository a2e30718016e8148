import Crypto
import Foundation
import SamhandAudit

/// Measures appending and verifying a streamed log against raw SHA-256 over the same bytes.
struct AuditBench {
  struct Result {
    var entries = 0
    var bytesHashed = 0
    var appendNanos: UInt64 = 0
    var verifyNanos: UInt64 = 0
    var rawHashNanos: UInt64 = 0
    var checkpoints = 0
    var report: AuditVerificationReport?
  }

  let entries: Int
  let checkpointEvery: Int
  let key = Curve25519.Signing.PrivateKey()
  let keyID = "bench-1"

  /// Pass 1 writes the log (timing the appends) and keeps only its checkpoints; pass 2
  /// regenerates the same entries batch by batch and times the verifier and raw SHA-256 over
  /// the bytes the verifier hashes.
  func run() throws -> Result {
    var result = Result(entries: entries)
    let checkpoints = try writeLog(result: &result)
    result.checkpoints = checkpoints.count
    var verifier = AuditVerifier(checkpoints: checkpoints, publicKeys: [keyID: key.publicKey])
    var buffer: [UInt8] = []
    var hashedBytes: [UInt8] = []
    var ends: [Int] = []
    var head: AuditHead?
    var batch: [AuditEntry] = []
    batch.reserveCapacity(checkpointEvery)
    var start = 0
    while start < entries {
      batch.removeAll(keepingCapacity: true)
      hashedBytes.removeAll(keepingCapacity: true)
      ends.removeAll(keepingCapacity: true)
      for index in start..<min(start + checkpointEvery, entries) {
        let entry = AuditChain.append(BenchEvents.event(index), after: head, buffer: &buffer)
        hashedBytes.append(contentsOf: head?.hash ?? AuditChain.genesisHash)
        AuditChain.appendCanonicalEncoding(
          sequence: entry.sequence, event: entry.event, to: &hashedBytes)
        ends.append(hashedBytes.count)
        head = entry.head
        batch.append(entry)
      }
      result.rawHashNanos += timed { Self.hashEach(hashedBytes, ends: ends) }
      // By index: `for entry in batch` would time copying each entry out of the array.
      result.verifyNanos += timed {
        for index in batch.indices {
          verifier.feed(batch[index])
        }
      }
      result.bytesHashed += hashedBytes.count
      start += checkpointEvery
    }
    var report: AuditVerificationReport?
    result.verifyNanos += timed { report = verifier.finish() }
    result.report = report
    return result
  }

  private func writeLog(result: inout Result) throws -> [AuditCheckpoint] {
    var checkpoints: [AuditCheckpoint] = []
    var buffer: [UInt8] = []
    var head: AuditHead?
    var events: [AuditEvent] = []
    var start = 0
    while start < entries {
      events = (start..<min(start + checkpointEvery, entries)).map(BenchEvents.event)
      result.appendNanos += timed {
        for event in events {
          head = AuditChain.append(event, after: head, buffer: &buffer).head
        }
      }
      if let head, head.sequence % Int64(checkpointEvery) == 0 || head.sequence == entries {
        checkpoints.append(
          try AuditCheckpoint.sign(head: head, timeMillis: 0, keyID: keyID, key: key))
      }
      start += checkpointEvery
    }
    return checkpoints
  }

  /// The baseline: one SHA-256 per entry over exactly the bytes the verifier hashes.
  private static func hashEach(_ bytes: [UInt8], ends: [Int]) -> UInt8 {
    var fold: UInt8 = 0
    bytes.withUnsafeBytes { all in
      var begin = 0
      for end in ends {
        var hasher = SHA256()
        hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: all[begin..<end]))
        fold ^= hasher.finalize().withUnsafeBytes { $0[0] }
        begin = end
      }
    }
    return fold
  }

  private func timed<T>(_ work: () throws -> T) rethrows -> UInt64 {
    let start = DispatchTime.now().uptimeNanoseconds
    let value = try work()
    let elapsed = DispatchTime.now().uptimeNanoseconds - start
    blackHole(value)
    return elapsed
  }
}

/// Keeps the optimizer from discarding measured work.
@inline(never)
func blackHole<T>(_ value: T) {
  withExtendedLifetime(value) {}
}
