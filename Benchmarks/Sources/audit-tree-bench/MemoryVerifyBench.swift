import Crypto
import Foundation
import SamhandAudit

/// Full verification of a log held in memory: the hash chain and its checkpoints
/// (`AuditVerifier`, batches) and, from the same batches on the other core, the Merkle tree
/// recomputed from the entries' canonical bytes (`MerkleRecomputation`), as `verify
/// --witness` does; then every signed checkpoint note checked against the recomputed root
/// and the log key. Entries are generated batch by batch outside the timing, as a store
/// would have decoded them.
struct MemoryVerifyBench {
  struct Result {
    var entries = 0
    var seconds = 0.0
    var cpuSeconds = 0.0
    var chainSeconds = 0.0
    var treeSeconds = 0.0
    var intact = false
  }

  let entries: Int
  let checkpointEvery = 1_000
  let batchSize = 10_000

  func run() async throws -> Result {
    let key = Curve25519.Signing.PrivateKey()
    let signer = try NoteSigner(name: "samhand/bench", type: .ed25519, key: key)
    let (checkpoints, notes) = try writeLog(key: key, signer: signer)
    var verifier = AuditVerifier(checkpoints: checkpoints, publicKeys: ["bench": key.publicKey])
    let logKey = signer.verifier
    var tree: MerkleRecomputation? = MerkleRecomputation(rootsAt: Set(notes.map(\.size)))
    var result = Result(entries: entries)
    var head: AuditHead?
    var buffer: [UInt8] = []
    var batch: [AuditEntry] = []
    var start = 0
    while start < entries {
      batch.removeAll(keepingCapacity: true)
      for index in start..<min(start + batchSize, entries) {
        let entry = AuditChain.append(TreeBenchEvents.event(index), after: head, buffer: &buffer)
        head = entry.head
        batch.append(entry)
      }
      let cpu = processCPUSeconds()
      result.chainSeconds += await seconds {
        await verifier.feed(contentsOf: batch, growing: &tree)
      }
      result.cpuSeconds += processCPUSeconds() - cpu
      start += batchSize
    }
    var report: AuditVerificationReport?
    var rootsMatch = false
    let cpu = processCPUSeconds()
    result.chainSeconds += seconds { report = verifier.finish() }
    result.treeSeconds = seconds {
      rootsMatch = notes.allSatisfy { note in
        tree?.roots[note.size] == note.root && logKey.verify(note.note) != nil
      }
    }
    result.cpuSeconds += processCPUSeconds() - cpu
    result.seconds = result.chainSeconds + result.treeSeconds
    result.intact = (report?.intact ?? false) && rootsMatch
    return result
  }

  /// The log's checkpoints, in both forms, every `checkpointEvery` entries.
  private func writeLog(key: Curve25519.Signing.PrivateKey, signer: NoteSigner) throws
    -> ([AuditCheckpoint], [(size: Int64, root: MerkleHash, note: SignedNote)])
  {
    var checkpoints: [AuditCheckpoint] = []
    var notes: [(size: Int64, root: MerkleHash, note: SignedNote)] = []
    var frontier = MerkleFrontier()
    var head: AuditHead?
    var buffer: [UInt8] = []
    var leafBytes: [UInt8] = []
    for index in 0..<entries {
      let entry = AuditChain.append(TreeBenchEvents.event(index), after: head, buffer: &buffer)
      head = entry.head
      frontier.append(.leaf(sequence: entry.sequence, event: entry.event, buffer: &leafBytes))
      guard entry.sequence % Int64(checkpointEvery) == 0 else { continue }
      checkpoints.append(
        try AuditCheckpoint.sign(head: entry.head, timeMillis: 0, keyID: "bench", key: key))
      let text = TreeCheckpoint(origin: signer.name, size: frontier.size, root: frontier.root).text
      notes.append(
        (frontier.size, frontier.root, SignedNote(text: text, signatures: [try signer.sign(text)])))
    }
    return (checkpoints, notes)
  }
}
