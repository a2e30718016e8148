/// Consistency proofs (RFC 6962 §2.1.2, verification as in RFC 9162 §2.1.4.2): the hashes
/// that show a larger tree extends a smaller one, which is how a witness knows that nothing
/// it saw before was cut off or rewritten.
///
/// ```swift
/// let proof = try MerkleTree.consistencyProof(from: 6, to: 8, in: reader)
/// MerkleTree.verifyConsistency(from: 6, to: 8, proof: proof, oldRoot: r6, newRoot: r8)
/// ```
extension MerkleTree {
  /// The proof that the tree of the first `newSize` leaves extends that of the first
  /// `oldSize` (empty when the sizes are equal or the old tree is empty).
  public static func consistencyProof(
    from oldSize: Int64, to newSize: Int64, in reader: some MerkleHashReader
  ) throws -> [MerkleHash] {
    guard oldSize <= newSize else { throw MerkleError.sizesOutOfOrder(from: oldSize, to: newSize) }
    guard oldSize > 0, oldSize < newSize else { return [] }
    var parts: [Range<Int64>] = []
    var range: Range<Int64> = 0..<newSize
    var remaining = oldSize
    var oldRootIsAPart = false
    while remaining != Int64(range.count) {
      let half = split(Int64(range.count))
      let middle = range.lowerBound + half
      if remaining <= half {
        parts.append(middle..<range.upperBound)
        range = range.lowerBound..<middle
      } else {
        parts.append(range.lowerBound..<middle)
        remaining -= half
        range = middle..<range.upperBound
        oldRootIsAPart = true
      }
    }
    if oldRootIsAPart { parts.append(range) }
    return try RangeHashes(parts.reversed()).resolve(from: reader)
  }

  /// Whether `proof` shows that the tree of `newSize` leaves with root `newRoot` extends the
  /// tree of `oldSize` leaves with root `oldRoot`.
  public static func verifyConsistency(
    from oldSize: Int64, to newSize: Int64, proof: [MerkleHash], oldRoot: MerkleHash,
    newRoot: MerkleHash
  ) -> Bool {
    guard oldSize >= 0, oldSize <= newSize else { return false }
    if oldSize == newSize { return proof.isEmpty && oldRoot == newRoot }
    if oldSize == 0 { return proof.isEmpty }
    guard !proof.isEmpty else { return false }
    let path = oldSize.nonzeroBitCount == 1 ? [oldRoot] + proof : proof
    var index = oldSize - 1
    var last = newSize - 1
    while index & 1 == 1 {
      index >>= 1
      last >>= 1
    }
    var oldHash = path[0]
    var newHash = path[0]
    for hash in path.dropFirst() {
      guard last > 0 else { return false }
      if index & 1 == 1 || index == last {
        oldHash = .node(hash, oldHash)
        newHash = .node(hash, newHash)
        while index & 1 == 0 && index != 0 {
          index >>= 1
          last >>= 1
        }
      } else {
        newHash = .node(newHash, hash)
      }
      index >>= 1
      last >>= 1
    }
    return last == 0 && oldHash == oldRoot && newHash == newRoot
  }
}
