import Foundation
import GRDB
import SamhandAudit

/// The stored subtree hashes of the audit log's Merkle tree, kept in the entry rows
/// (`audit_entries.tree_hashes`, migration 0020): each entry holds the hashes its append
/// stored, so an append writes no row but its own, and a root or proof reads O(log n) entry
/// rows by key, inside any transaction or on a read-only connection.
struct AuditTreeRows: MerkleHashReader {
  static let hashSize = 32

  let db: Database

  func hashes(at storageIndexes: [Int64]) throws -> [MerkleHash] {
    if storageIndexes.count == 1 { return [try hash(at: storageIndexes[0])] }
    let places = storageIndexes.map(MerkleNode.appended(at:))
    var found: [Int64: Data] = [:]
    let sequences = Set(places.map { $0.leaf + 1 })
    let marks = Array(repeating: "?", count: sequences.count).joined(separator: ",")
    let rows = try Row.fetchCursor(
      db,
      sql: "SELECT sequence, tree_hashes FROM audit_entries WHERE sequence IN (\(marks))",
      arguments: StatementArguments(Array(sequences)))
    while let row = try rows.next() {
      found[row["sequence"]] = row["tree_hashes"]
    }
    return try zip(storageIndexes, places).map { index, place in
      try Self.hash(in: found[place.leaf + 1], at: place.place, storageIndex: index)
    }
  }

  func hash(at storageIndex: Int64) throws -> MerkleHash {
    let place = MerkleNode.appended(at: storageIndex)
    let data = try Data.fetchOne(
      db.cachedStatement(sql: "SELECT tree_hashes FROM audit_entries WHERE sequence = ?"),
      arguments: [place.leaf + 1])
    return try Self.hash(in: data, at: place.place, storageIndex: storageIndex)
  }

  /// How many leaves the stored tree holds: the newest entry with its hashes (the tree is
  /// built in entry order, so every entry before it has them too).
  func treeSize() throws -> Int64 {
    try Int64.fetchOne(
      db.cachedStatement(
        sql: """
          SELECT sequence FROM audit_entries WHERE tree_hashes IS NOT NULL
          ORDER BY sequence DESC LIMIT 1
          """)) ?? 0
  }

  /// The `tree_hashes` of leaf `index` (entry `index + 1`): its leaf hash and the hashes
  /// of the subtrees it completes, whose left halves are read from the entries before it.
  func hashes(appending leaf: MerkleHash, at index: Int64) throws -> Data {
    let new = try MerkleTree.hashesToStore(appending: leaf, at: index) { node in
      try hash(at: node.storageIndex)
    }
    var data = Data(capacity: new.count * Self.hashSize)
    for hash in new { data.append(hash.data) }
    return data
  }

  /// Hash number `place` of an entry's `tree_hashes`.
  private static func hash(in data: Data?, at place: Int, storageIndex: Int64) throws
    -> MerkleHash
  {
    let start = place * Self.hashSize
    guard let data, data.count >= start + Self.hashSize,
      let hash = MerkleHash(Data(data.dropFirst(start).prefix(Self.hashSize)))
    else { throw MerkleError.missingHash(storageIndex: storageIndex) }
    return hash
  }
}
