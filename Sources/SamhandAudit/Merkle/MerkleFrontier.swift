/// The right edge of a growing tree: one hash per complete subtree of the leaves so far
/// (as many as the size has one bits). Enough to know the root at every size while reading
/// a log once from the start, in O(log n) memory, without any stored hash: how `verify`
/// recomputes the roots that checkpoints and witnesses signed.
///
/// ```swift
/// var frontier = MerkleFrontier()
/// for entry in entries { frontier.append(.leaf(bytes(entry))) }
/// frontier.root          // the root of all of them
/// ```
public struct MerkleFrontier: Sendable, Equatable {
  public private(set) var size: Int64 = 0
  /// Largest subtree first.
  private var hashes: [MerkleHash] = []

  public init() {}

  public mutating func append(_ leaf: MerkleHash) {
    var hash = leaf
    var position = size
    while position & 1 == 1 {
      hash = .node(hashes.removeLast(), hash)
      position >>= 1
    }
    hashes.append(hash)
    size += 1
  }

  public var root: MerkleHash {
    MerkleHash.foldFromRight(hashes[...]) ?? .empty
  }
}
