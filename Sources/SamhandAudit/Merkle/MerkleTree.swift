/// The RFC 6962 Merkle tree over the audit log (entry `n` of the log is leaf `n - 1`): how
/// appends extend the stored hashes, and how roots come out of them. Proofs are in
/// `MerkleTree+Inclusion.swift` and `MerkleTree+Consistency.swift`.
///
/// ```swift
/// let new = MerkleTree.hashesToStore(appending: .leaf(bytes), at: size) { try read($0) }
/// let root = try MerkleTree.root(treeSize: size + 1, from: reader)
/// ```
public enum MerkleTree {
  /// The hashes to store when leaf `index` (from 0) is appended: its leaf hash, then the hash
  /// of every subtree it completes, in storage order. `left` returns the stored hash of a
  /// completed left sibling; it is asked for as many as `index` has trailing one bits, on
  /// average one per append.
  public static func hashesToStore(
    appending leaf: MerkleHash, at index: Int64, left: (MerkleNode) throws -> MerkleHash
  ) rethrows -> [MerkleHash] {
    var new = [leaf]
    var hash = leaf
    var position = index
    var level = 0
    while position & 1 == 1 {
      hash = .node(try left(MerkleNode(level: level, index: position - 1)), hash)
      new.append(hash)
      position >>= 1
      level += 1
    }
    return new
  }

  /// The root hash of the first `treeSize` leaves.
  public static func root(treeSize: Int64, from reader: some MerkleHashReader) throws
    -> MerkleHash
  {
    guard treeSize > 0 else { return .empty }
    return try RangeHashes([0..<treeSize]).resolve(from: reader)[0]
  }

  /// The largest power of two below `count` (which must be 2 or more): where RFC 6962 splits
  /// a range of `count` leaves.
  static func split(_ count: Int64) -> Int64 {
    Int64(1) << (63 - (count - 1).leadingZeroBitCount)
  }
}

/// The tree hashes of ranges of leaves, each read as the complete subtrees it splits into,
/// all in one call to the reader.
struct RangeHashes {
  let ranges: [Range<Int64>]

  init(_ ranges: [Range<Int64>]) { self.ranges = ranges }

  func resolve(from reader: some MerkleHashReader) throws -> [MerkleHash] {
    let groups = ranges.map { MerkleNode.subtrees(from: $0.lowerBound, to: $0.upperBound) }
    let hashes = try reader.hashes(at: groups.flatMap { $0.map(\.storageIndex) })
    var next = hashes.startIndex
    return groups.map { group in
      let slice = hashes[next..<next + group.count]
      next += group.count
      return MerkleHash.foldFromRight(slice)!
    }
  }
}
