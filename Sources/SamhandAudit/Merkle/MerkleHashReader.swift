/// Where stored subtree hashes come from: a database table, a file, or memory. Roots and
/// proofs ask for O(log n) hashes in one call, so a reader backed by a database can answer
/// them with one query.
///
/// ```swift
/// var tree = MerkleHashArray()
/// for entry in entries { tree.append(leaf: .leaf(entry)) }
/// let root = try MerkleTree.root(treeSize: tree.treeSize, from: tree)
/// ```
public protocol MerkleHashReader {
  /// The hashes stored at `storageIndexes` (see `MerkleNode.storageIndex`), in the same
  /// order. Throws if one is missing.
  func hashes(at storageIndexes: [Int64]) throws -> [MerkleHash]
}

/// The stored hashes of a tree held in memory, in append order: for tests, for the verifier
/// that recomputes a tree from the entries, and for a batch of appends.
public struct MerkleHashArray: MerkleHashReader, Sendable {
  public private(set) var stored: [MerkleHash] = []
  public private(set) var treeSize: Int64 = 0

  public init() {}

  /// Appends a leaf and the hashes of the subtrees it completes.
  public mutating func append(leaf: MerkleHash) {
    let new = MerkleTree.hashesToStore(
      appending: leaf, at: treeSize, left: { stored[Int($0.storageIndex)] })
    stored.append(contentsOf: new)
    treeSize += 1
  }

  public func hashes(at storageIndexes: [Int64]) throws -> [MerkleHash] {
    try storageIndexes.map { index in
      guard index >= 0, index < Int64(stored.count) else {
        throw MerkleError.missingHash(storageIndex: index)
      }
      return stored[Int(index)]
    }
  }
}
