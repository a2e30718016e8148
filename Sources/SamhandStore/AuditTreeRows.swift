import Foundation
import GRDB
import SamhandAudit

/// The stored subtree hashes of the audit log's Merkle tree (table `audit_tree`), read by
/// position in one query: what roots and proofs are computed from, inside any transaction
/// or on a read-only connection.
struct AuditTreeRows: MerkleHashReader {
  let db: Database

  func hashes(at storageIndexes: [Int64]) throws -> [MerkleHash] {
    if storageIndexes.count == 1 { return [try hash(at: storageIndexes[0])] }
    var found: [Int64: MerkleHash] = [:]
    let marks = Array(repeating: "?", count: storageIndexes.count).joined(separator: ",")
    let rows = try Row.fetchCursor(
      db, sql: "SELECT position, hash FROM audit_tree WHERE position IN (\(marks))",
      arguments: StatementArguments(storageIndexes))
    while let row = try rows.next() {
      found[row["position"]] = MerkleHash(row["hash"] as Data)
    }
    return try storageIndexes.map { index in
      guard let hash = found[index] else { throw MerkleError.missingHash(storageIndex: index) }
      return hash
    }
  }

  func hash(at position: Int64) throws -> MerkleHash {
    let data = try Data.fetchOne(
      db.cachedStatement(sql: "SELECT hash FROM audit_tree WHERE position = ?"),
      arguments: [position])
    guard let data, let hash = MerkleHash(data) else {
      throw MerkleError.missingHash(storageIndex: position)
    }
    return hash
  }

  /// How many leaves the stored tree holds: the size whose stored count matches the rows.
  func treeSize() throws -> Int64 {
    guard let last = try Int64.fetchOne(db, sql: "SELECT MAX(position) FROM audit_tree") else {
      return 0
    }
    // Stored counts grow with the size: find the size that stores exactly last + 1 hashes.
    var low: Int64 = 0
    var high = last + 1
    while low < high {
      let middle = (low + high + 1) / 2
      if MerkleNode.storedCount(treeSize: middle) <= last + 1 {
        low = middle
      } else {
        high = middle - 1
      }
    }
    return low
  }

  /// Appends leaf `index` (entry `index + 1`) and the subtrees it completes.
  func append(leaf: MerkleHash, at index: Int64) throws {
    let new = try MerkleTree.hashesToStore(appending: leaf, at: index) { node in
      try hash(at: node.storageIndex)
    }
    let insert = try db.cachedStatement(
      sql: "INSERT INTO audit_tree (position, hash) VALUES (?, ?)")
    var position = MerkleNode.storedCount(treeSize: index)
    for hash in new {
      try insert.execute(arguments: [position, hash.data])
      position += 1
    }
  }

  /// The leaf hash of an entry: RFC 6962 over its canonical encoding, the same bytes the
  /// chain hash covers (opaque here: whatever version the encoding is).
  static func leaf(sequence: Int64, event: AuditEvent, buffer: inout [UInt8]) -> MerkleHash {
    buffer.removeAll(keepingCapacity: true)
    AuditChain.appendCanonicalEncoding(sequence: sequence, event: event, to: &buffer)
    return MerkleHash.leaf(buffer)
  }
}
