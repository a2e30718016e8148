/// Inclusion proofs (RFC 6962 §2.1.1, verification as in RFC 9162 §2.1.3.2): the sibling
/// hashes from a leaf up to the root, which let anyone check that one entry is in a tree of a
/// given size and root without reading the rest of the log.
///
/// ```swift
/// let proof = try MerkleTree.inclusionProof(leaf: 4, treeSize: 10, from: reader)
/// MerkleTree.verifyInclusion(leafHash: h, leaf: 4, treeSize: 10, proof: proof, root: root)
/// ```
extension MerkleTree {
  /// The proof that leaf `leaf` (from 0) is in the tree of the first `treeSize` leaves,
  /// lowest sibling first.
  public static func inclusionProof(
    leaf: Int64, treeSize: Int64, from reader: some MerkleHashReader
  ) throws -> [MerkleHash] {
    guard leaf >= 0, leaf < treeSize else {
      throw MerkleError.leafOutOfRange(leaf: leaf, treeSize: treeSize)
    }
    var siblings: [Range<Int64>] = []
    var range: Range<Int64> = 0..<treeSize
    while range.count > 1 {
      let middle = range.lowerBound + split(Int64(range.count))
      if leaf < middle {
        siblings.append(middle..<range.upperBound)
        range = range.lowerBound..<middle
      } else {
        siblings.append(range.lowerBound..<middle)
        range = middle..<range.upperBound
      }
    }
    return try RangeHashes(siblings.reversed()).resolve(from: reader)
  }

  /// Whether `proof` shows that `leafHash` is leaf `leaf` of the tree of `treeSize` leaves
  /// whose root is `root`.
  public static func verifyInclusion(
    leafHash: MerkleHash, leaf: Int64, treeSize: Int64, proof: [MerkleHash], root: MerkleHash
  ) -> Bool {
    guard leaf >= 0, leaf < treeSize else { return false }
    var index = leaf
    var last = treeSize - 1
    var hash = leafHash
    for sibling in proof {
      guard last > 0 else { return false }
      if index & 1 == 1 || index == last {
        hash = .node(sibling, hash)
        while index & 1 == 0 && index != 0 {
          index >>= 1
          last >>= 1
        }
      } else {
        hash = .node(hash, sibling)
      }
      index >>= 1
      last >>= 1
    }
    return last == 0 && hash == root
  }
}
