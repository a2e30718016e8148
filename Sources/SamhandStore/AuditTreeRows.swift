import Foundation
import SamhandAudit

/// The stored subtree hashes of the audit log's Merkle tree, kept in the entry rows
/// (`audit_entries.tree_hashes`, migration 0020): each entry holds the hashes its append
/// stored, so an append writes no row but its own, and a root or proof reads O(log n) entry
/// rows by key, inside any transaction or on a read-only connection.
struct AuditTreeRows: MerkleHashReader {
  static let hashSize = 32

  let connection: any SQLConnection

  func hashes(at storageIndexes: [Int64]) throws -> [MerkleHash] {
    if storageIndexes.count == 1 { return [try hash(at: storageIndexes[0])] }
    let places = storageIndexes.map(MerkleNode.appended(at:))
    var found: [Int64: Data] = [:]
    let sequences = Array(Set(places.map { $0.leaf + 1 }))
    try connection.forEachRow(
      "SELECT sequence, tree_hashes FROM audit_entries WHERE sequence IN \(sequences)"
    ) { row in
      let sequence: Int64 = try row["sequence"]
      found[sequence] = try row["tree_hashes"] as Data?
    }
    return try zip(storageIndexes, places).map { index, place in
      try Self.hash(in: found[place.leaf + 1], at: place.place, storageIndex: index)
    }
  }

  func hash(at storageIndex: Int64) throws -> MerkleHash {
    let place = MerkleNode.appended(at: storageIndex)
    let data = try connection.fetchValue(
      "SELECT tree_hashes FROM audit_entries WHERE sequence = \(place.leaf + 1)", as: Data.self)
    return try Self.hash(in: data, at: place.place, storageIndex: storageIndex)
  }

  /// How many leaves the stored tree holds: the newest entry with its hashes (the tree is
  /// built in entry order, so every entry before it has them too).
  func treeSize() throws -> Int64 {
    try connection.fetchValue(
      """
      SELECT sequence FROM audit_entries WHERE tree_hashes IS NOT NULL
      ORDER BY sequence DESC LIMIT 1
      """, as: Int64.self) ?? 0
  }

  /// The tree's right edge at `size` leaves: the hashes of the complete subtrees the leaves
  /// split into, read in one query.
  func frontier(size: Int64) throws -> MerkleFrontier {
    let nodes = MerkleNode.subtrees(from: 0, to: size)
    guard
      let frontier = MerkleFrontier(
        size: size, hashes: nodes.isEmpty ? [] : try hashes(at: nodes.map(\.storageIndex)))
    else { throw MerkleError.missingHash(storageIndex: MerkleNode.storedCount(treeSize: size)) }
    return frontier
  }

  /// The `tree_hashes` of an append: the hashes it stores, one after another.
  static func data(_ hashes: [MerkleHash]) -> Data {
    var data = Data(capacity: hashes.count * hashSize)
    for hash in hashes { data.append(hash.data) }
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
