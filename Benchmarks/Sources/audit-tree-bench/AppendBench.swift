import Foundation
import GRDB
import SamhandAudit
import SamhandCrypto
import SamhandStore

/// Durable audited appends in the shape the group commit gives them: B operations to a
/// transaction, each in its own savepoint appending its own entry, one fsync per commit
/// (SQLite WAL, `synchronous = FULL`). Measured: `StoreTransaction.appendAudit`, which
/// maintains the Merkle tree. Baseline, on a second data directory made by the same `init`:
/// the append as it was before the tree (read the head, chain hash, insert the entry row,
/// sign a chain checkpoint every 1,000 entries), in the same transactions and savepoints,
/// written here with GRDB. The two alternate round by round so that the machine's load
/// falls on both alike; the ratio is of the medians.
struct AppendBench {
  struct Row {
    let batch: Int
    let treeRate: Double
    let baselineRate: Double
    var ratio: Double { treeRate / baselineRate }
  }

  let scratch: URL
  let operations = 3_000
  let rounds = 7
  let batches = [1, 16, 64]

  func run() throws -> [Row] {
    let tree = try DataDirectory(url: scratch.appending(path: "append-tree"))
      .initialize(by: .operator(osUser: "bench"))
    let baselineDirectory = DataDirectory(url: scratch.appending(path: "append-baseline"))
    _ = try baselineDirectory.initialize(by: .operator(osUser: "bench"))
    let baseline = try Baseline(directory: baselineDirectory)
    var next = 0
    var rows: [Row] = []
    for batch in batches {
      var treeRates: [Double] = []
      var baselineRates: [Double] = []
      for round in 0..<rounds {
        let measureTree = {
          let elapsed = try seconds {
            try appendTree(tree, batch: batch, from: next)
          }
          treeRates.append(Double(operations) / elapsed)
        }
        let measureBaseline = {
          let elapsed = try seconds {
            try baseline.append(batch: batch, operations: operations, from: next)
          }
          baselineRates.append(Double(operations) / elapsed)
        }
        if round % 2 == 0 {
          try measureTree()
          try measureBaseline()
        } else {
          try measureBaseline()
          try measureTree()
        }
        next += operations
      }
      rows.append(
        Row(
          batch: batch, treeRate: quantile(treeRates, 0.5),
          baselineRate: quantile(baselineRates, 0.5)))
    }
    return rows
  }

  private func appendTree(_ store: SQLiteStore, batch: Int, from first: Int) throws {
    var index = first
    while index < first + operations {
      try store.write { transaction in
        for _ in 0..<min(batch, first + operations - index) {
          try transaction.savepoint { try transaction.appendAudit(TreeBenchEvents.event(index)) }
          index += 1
        }
      }
    }
  }
}

/// The append without the tree, on the same schema and pragmas as the store.
private struct Baseline {
  let queue: DatabaseQueue
  let ring: KeyRing

  init(directory: DataDirectory) throws {
    ring = try KeyRing.load(from: directory.keysURL)
    var configuration = Configuration()
    configuration.prepareDatabase { db in
      try db.execute(sql: "PRAGMA synchronous = FULL")
      try db.execute(sql: "PRAGMA mmap_size = 0")
    }
    queue = try DatabaseQueue(path: directory.databaseURL.path, configuration: configuration)
    try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
  }

  func append(batch: Int, operations: Int, from first: Int) throws {
    var index = first
    var buffer: [UInt8] = []
    while index < first + operations {
      try queue.write { db in
        for _ in 0..<min(batch, first + operations - index) {
          try db.inSavepoint {
            try appendOne(TreeBenchEvents.event(index), db: db, buffer: &buffer)
            return .commit
          }
          index += 1
        }
      }
    }
  }

  private func appendOne(_ event: AuditEvent, db: Database, buffer: inout [UInt8]) throws {
    let head = try GRDB.Row.fetchOne(
      db.cachedStatement(
        sql: "SELECT sequence, hash FROM audit_entries ORDER BY sequence DESC LIMIT 1")
    ).map { AuditHead(sequence: $0["sequence"], hash: $0["hash"]) }
    let entry = AuditChain.append(event, after: head, buffer: &buffer)
    try db.cachedStatement(
      sql: """
        INSERT INTO audit_entries (sequence, time_ms, actor, actor_service, action,
          resource_type, resource_id, recipient_id, decision, policy_ids, purpose, break_glass,
          request_id, channel, outcome, hash, encoding, os_user, policy_digest)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    ).execute(arguments: [
      entry.sequence, event.timeMillis, event.actor, event.actorService, event.action,
      event.resourceType, event.resourceID, event.recipientID, event.decision.rawValue,
      event.policyIDs.joined(separator: "\u{1F}"), event.purpose, event.breakGlass,
      event.requestID, event.channel.rawValue, event.outcome.rawValue, entry.hash,
      event.encodingVersion.rawValue, event.osUser, event.policyDigest,
    ])
    guard entry.sequence % 1_000 == 0 else { return }
    let checkpoint = try AuditCheckpoint.sign(
      head: entry.head, timeMillis: event.timeMillis, keyID: ring.auditKeyID,
      key: ring.auditSigningKey)
    try db.cachedStatement(
      sql: """
        INSERT INTO audit_checkpoints (sequence, head_hash, time_ms, key_id, signature)
        VALUES (?, ?, ?, ?, ?)
        """
    ).execute(arguments: [
      checkpoint.sequence, checkpoint.headHash, checkpoint.timeMillis, checkpoint.keyID,
      checkpoint.signature,
    ])
  }
}
