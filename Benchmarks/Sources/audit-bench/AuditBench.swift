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
    var serialVerifyNanos: UInt64 = 0
    /// Thread CPU time of the raw hash and of the one-core verify: what the work cost on its
    /// core, unaffected by time the thread spent preempted on a loaded machine.
    var rawHashCPUNanos: UInt64 = 0
    var serialVerifyCPUNanos: UInt64 = 0
    /// The part of `serialVerifyCPUNanos` spent in `finish()`: checking every signature.
    var signaturesCPUNanos: UInt64 = 0
    var rawHashNanos: UInt64 = 0
    /// CPU time of the whole process during the batch verify: both cores' work, which the
    /// wall clock splits between them.
    var verifyProcessCPUNanos: UInt64 = 0
    var checkpoints = 0
    var report: AuditVerificationReport?
  }

  let entries: Int
  let checkpointEvery: Int
  /// Entries generated, hashed and verified at a time: 10 checkpoint intervals.
  let batchSize = 10_000
  let key = Curve25519.Signing.PrivateKey()
  let keyID = "bench-1"

  /// Pass 1 writes the log (timing the appends) and keeps only its checkpoints; pass 2
  /// regenerates the same entries batch by batch and times, on each batch, raw SHA-256 over the
  /// bytes the verifier hashes, the verifier fed one entry at a time (every checkpoint
  /// signature checked on the same core) and the verifier fed the batch (signatures of
  /// the checkpoints the batch can reach checked on a second core while it hashes).
  func run() async throws -> Result {
    var result = Result(entries: entries)
    let checkpoints = try writeLog(result: &result)
    result.checkpoints = checkpoints.count
    var serial = AuditVerifier(checkpoints: checkpoints, publicKeys: [keyID: key.publicKey])
    var verifier = serial
    var buffer: [UInt8] = []
    var hashedBytes: [UInt8] = []
    var ends: [Int] = []
    var head: AuditHead?
    var batch: [AuditEntry] = []
    batch.reserveCapacity(batchSize)
    var start = 0
    while start < entries {
      batch.removeAll(keepingCapacity: true)
      hashedBytes.removeAll(keepingCapacity: true)
      ends.removeAll(keepingCapacity: true)
      for index in start..<min(start + batchSize, entries) {
        let entry = AuditChain.append(BenchEvents.event(index), after: head, buffer: &buffer)
        hashedBytes.append(contentsOf: head?.hash ?? AuditChain.genesisHash)
        AuditChain.appendCanonicalEncoding(
          sequence: entry.sequence, event: entry.event, to: &hashedBytes)
        ends.append(hashedBytes.count)
        head = entry.head
        batch.append(entry)
      }
      let cpuBeforeRaw = threadCPUNanos()
      result.rawHashNanos += timed { Self.hashEach(hashedBytes, ends: ends) }
      let cpuBeforeVerify = threadCPUNanos()
      // Borrowed in place: `for entry in batch` or `batch[index]` would time copying each
      // entry out of the array (a retain and release of every string), as a store decoding
      // rows one at a time never does.
      result.serialVerifyNanos += timed {
        batch.withUnsafeBufferPointer { batch in
          for index in batch.indices {
            serial.feed(batch[index])
          }
        }
      }
      let cpuAfterVerify = threadCPUNanos()
      result.rawHashCPUNanos += cpuBeforeVerify - cpuBeforeRaw
      result.serialVerifyCPUNanos += cpuAfterVerify - cpuBeforeVerify
      let began = DispatchTime.now().uptimeNanoseconds
      let processBegan = processCPUNanos()
      await verifier.feed(contentsOf: batch)
      result.verifyNanos += DispatchTime.now().uptimeNanoseconds - began
      result.verifyProcessCPUNanos += processCPUNanos() - processBegan
      result.bytesHashed += hashedBytes.count
      start += batchSize
    }
    var report: AuditVerificationReport?
    let cpuBeforeFinish = threadCPUNanos()
    result.serialVerifyNanos += timed { serial.finish() }
    result.signaturesCPUNanos = threadCPUNanos() - cpuBeforeFinish
    result.serialVerifyCPUNanos += result.signaturesCPUNanos
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

/// CPU time the calling thread has used so far.
func threadCPUNanos() -> UInt64 { cpuNanos(CLOCK_THREAD_CPUTIME_ID) }

/// CPU time all threads of the process have used so far.
func processCPUNanos() -> UInt64 { cpuNanos(CLOCK_PROCESS_CPUTIME_ID) }

private func cpuNanos(_ clock: clockid_t) -> UInt64 {
  var time = timespec()
  clock_gettime(clock, &time)
  return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
}

/// Keeps the optimizer from discarding measured work.
@inline(never)
func blackHole<T>(_ value: T) {
  withExtendedLifetime(value) {}
}
