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

  /// The edge of a tree of `size` leaves from its complete subtrees' hashes, largest first
  /// (`MerkleNode.subtrees(from: 0, to: size)`); nil unless there is one per one bit of
  /// `size`.
  public init?(size: Int64, hashes: [MerkleHash]) {
    guard size >= 0, hashes.count == size.nonzeroBitCount else { return nil }
    self.size = size
    self.hashes = hashes
  }

  /// Appends `leaf` and returns the hashes an append stores for it: the leaf hash, then the
  /// hash of every subtree it completes (`MerkleTree.hashesToStore`, with the left siblings
  /// taken from this edge instead of the store).
  public mutating func appendReturningStored(_ leaf: MerkleHash) -> [MerkleHash] {
    let stored = MerkleTree.hashesToStore(appending: leaf, at: size) { _ in hashes.removeLast() }
    hashes.append(stored[stored.count - 1])
    size += 1
    return stored
  }

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
