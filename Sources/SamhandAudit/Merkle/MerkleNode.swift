/// A complete subtree of the log's Merkle tree: the `index`-th run of 2^`level` leaves. Only
/// complete subtrees are ever stored, each once, in the order appends complete them, so a
/// log of `n` entries stores exactly `storedCount(treeSize: n)` hashes and any root or proof
/// needs O(log n) of them, found by `storageIndex` without a scan.
///
/// ```swift
/// MerkleNode(level: 0, index: 5).storageIndex      // where leaf 5's hash is stored
/// MerkleNode.subtrees(from: 0, to: 6)              // [(2, 0), (1, 2)]: leaves 0-3 and 4-5
/// ```
public struct MerkleNode: Sendable, Equatable, CustomStringConvertible {
  public let level: Int
  public let index: Int64

  public init(level: Int, index: Int64) {
    self.level = level
    self.index = index
  }

  /// The first leaf this subtree covers.
  public var firstLeaf: Int64 { index << level }
  /// One past the last leaf this subtree covers.
  public var endLeaf: Int64 { (index + 1) << level }

  /// Where this subtree's hash sits in the append-ordered store. Appending leaf `m` (from 0)
  /// stores its leaf hash and then one hash per subtree it completes (as many as `m` has
  /// trailing one bits), so `2m - popcount(m)` hashes come before leaf `m`'s; a subtree at
  /// `level` is stored `level` places after the leaf that completes it, its last one.
  public var storageIndex: Int64 {
    let last = endLeaf - 1
    return 2 * last - Int64(last.nonzeroBitCount) + Int64(level)
  }

  /// The append that stored the hash at `storageIndex`: the leaf appended (from 0) and the
  /// hash's place among the hashes that append stored (its leaf hash at 0, then one per
  /// level completed). The inverse of `storageIndex`, for stores that keep each append's
  /// hashes together.
  public static func appended(at storageIndex: Int64) -> (leaf: Int64, place: Int) {
    // storedCount(m) = 2m - popcount(m) <= 2m, so leaf storageIndex / 2 comes at or before.
    var leaf = storageIndex / 2
    while storedCount(treeSize: leaf + 1) <= storageIndex { leaf += 1 }
    return (leaf, Int(storageIndex - storedCount(treeSize: leaf)))
  }

  /// How many hashes a tree of `treeSize` leaves stores.
  public static func storedCount(treeSize: Int64) -> Int64 {
    2 * treeSize - Int64(treeSize.nonzeroBitCount)
  }

  /// The complete subtrees that leaves `start..<end` split into, left to right, largest
  /// first when `start` is aligned as in RFC 6962's recursive split (always the case for
  /// roots and proofs). Folding their hashes from the right gives the range's tree hash.
  public static func subtrees(from start: Int64, to end: Int64) -> [MerkleNode] {
    var nodes: [MerkleNode] = []
    var first = start
    while first < end {
      let alignment = first == 0 ? 62 : first.trailingZeroBitCount
      let fit = 63 - (end - first).leadingZeroBitCount
      let level = min(alignment, fit)
      nodes.append(MerkleNode(level: level, index: first >> level))
      first += Int64(1) << level
    }
    return nodes
  }

  public var description: String { "(level \(level), index \(index))" }
}
