import Foundation
import SamhandAudit
import SamhandCrypto
import SamhandService
import SamhandStore

/// A log of `entries` entries built through the real append path (tree rows, a signed
/// checkpoint every 1,000), then: proofs on an open store as a server answers them, witness
/// steps against the data directory, and `verify --witness` from the database file.
struct LargeLogBench {
  struct Result {
    var entries: Int64 = 0
    var buildSeconds = 0.0
    var inclusionMillis: [Double] = []
    var consistencyMillis: [Double] = []
    var proofsVerified = true
    var firstWitnessMillis = 0.0
    var witnessMillis: [Double] = []
    var witnessCPUMillis: [Double] = []
    var inclusionCPUMillis = 0.0
    var consistencyCPUMillis = 0.0
    var verifyFileCPUSeconds = 0.0
    var witnessOutcomes: Set<String> = []
    var chainFileSeconds = 0.0
    var verifyFileSeconds = 0.0
    var verifyIntact = false
    var verifyProblem: String?
  }

  let scratch: URL
  let entries: Int
  let chunk = 20_000
  let samples = 300
  let witnessSteps = 20

  func run() async throws -> Result {
    let directory = DataDirectory(url: scratch.appending(path: "large"))
    let store = try directory.initialize(by: .operator(osUser: "bench"))
    var result = Result()
    var written = 0
    result.buildSeconds = try seconds {
      while written < entries {
        let events = (written..<min(written + chunk, entries)).map(TreeBenchEvents.event)
        try store.write { try $0.appendAudit(contentsOf: events) }
        written += events.count
        if written % 1_000_000 == 0 { log("built \(written) entries") }
      }
      try store.write { try $0.writeCheckpoint() }
    }
    let size = try store.read { try $0.auditTreeSize() }
    result.entries = size
    try measureProofs(store, size: size, into: &result)
    log("proofs measured")
    try await measureWitness(store, directory: directory, from: written, into: &result)
    log("witness measured")
    let publicKey = directory.keysURL.appending(path: "audit-signing.pub")
    let keys = try KeyRing.loadAuditPublicKey(from: publicKey)
    result.chainFileSeconds = try await seconds {
      _ = try await AuditLogVerification.verifyInBatches(
        databaseAt: directory.databaseURL, publicKeys: [KeyRing.auditKeyID(for: keys): keys])
    }
    log("chain verified from the file in \(result.chainFileSeconds) s")
    var verification: AuditWitnessVerification?
    let cpu = processCPUSeconds()
    result.verifyFileSeconds = try await seconds {
      verification = try await SamhandService.verifyAuditLog(
        dataDirectory: directory.url, witness: witnessStore, publicKey: publicKey)
    }
    result.verifyFileCPUSeconds = processCPUSeconds() - cpu
    result.verifyIntact = verification?.intact ?? false
    result.verifyProblem = verification?.problem
    return result
  }

  private var witnessStore: URL { scratch.appending(path: "witness/log.notes") }

  private func measureProofs(_ store: SQLiteStore, size: Int64, into result: inout Result) throws {
    var random = SplitMix(seed: 16)
    var cpu = processCPUSeconds()
    for _ in 0..<samples {
      let entry = random.next(in: 1...size)
      var proof: InclusionProof?
      let elapsed = try seconds {
        proof = try store.read { try $0.auditInclusionProof(entry: entry, treeSize: size) }
      }
      result.inclusionMillis.append(elapsed * 1000)
      result.proofsVerified = result.proofsVerified && proof?.verifies == true
    }
    result.inclusionCPUMillis = (processCPUSeconds() - cpu) * 1000 / Double(samples)
    cpu = processCPUSeconds()
    for _ in 0..<samples {
      let old = random.next(in: 1...(size - 1))
      var proof: ConsistencyProof?
      let elapsed = try seconds {
        proof = try store.read { try $0.auditConsistencyProof(from: old, to: size) }
      }
      result.consistencyMillis.append(elapsed * 1000)
      result.proofsVerified = result.proofsVerified && proof?.verifies == true
    }
    result.consistencyCPUMillis = (processCPUSeconds() - cpu) * 1000 / Double(samples)
  }

  /// One witness step to pin the keys, then `witnessSteps` steps each after 100 more
  /// entries and a checkpoint: open the database file, read the newest checkpoint, prove
  /// consistency with the last one witnessed, cosign, append to the store file.
  private func measureWitness(
    _ store: SQLiteStore, directory: DataDirectory, from first: Int, into result: inout Result
  ) async throws {
    try FileManager.default.createDirectory(
      at: witnessStore.deletingLastPathComponent(), withIntermediateDirectories: true)
    result.firstWitnessMillis =
      try await seconds {
        _ = try await SamhandService.witnessAuditLog(
          dataDirectory: directory.url, store: witnessStore, key: nil, acceptRollback: nil)
      } * 1000
    var next = first
    for _ in 0..<witnessSteps {
      let events = (next..<next + 100).map(TreeBenchEvents.event)
      next += events.count
      try store.write { transaction in
        try transaction.appendAudit(contentsOf: events)
        try transaction.writeCheckpoint()
      }
      var step: AuditWitnessStep?
      let cpu = processCPUSeconds()
      let elapsed = try await seconds {
        step = try await SamhandService.witnessAuditLog(
          dataDirectory: directory.url, store: witnessStore, key: nil, acceptRollback: nil)
      }
      result.witnessMillis.append(elapsed * 1000)
      result.witnessCPUMillis.append((processCPUSeconds() - cpu) * 1000)
      result.witnessOutcomes.insert(step?.outcome ?? "none")
    }
  }
}

/// A small seeded generator, so every run proves the same entries.
struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }

  mutating func next(in range: ClosedRange<Int64>) -> Int64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    z ^= z >> 31
    return range.lowerBound + Int64(z % UInt64(range.upperBound - range.lowerBound + 1))
  }
}
