/// Why a root or proof could not be produced from the stored hashes.
public enum MerkleError: Error, Sendable, Equatable, CustomStringConvertible {
  case missingHash(storageIndex: Int64)
  case leafOutOfRange(leaf: Int64, treeSize: Int64)
  case sizeOutOfRange(size: Int64, treeSize: Int64)
  case sizesOutOfOrder(from: Int64, to: Int64)

  public var description: String {
    switch self {
    case .missingHash(let storageIndex):
      "The Merkle tree has no stored hash at \(storageIndex); the tree is incomplete: "
        + "run `samhand audit verify` to rebuild and check it"
    case .leafOutOfRange(let leaf, let treeSize):
      "Entry \(leaf + 1) is not in a tree of \(treeSize) entries; "
        + "name an entry from 1 to the tree size"
    case .sizeOutOfRange(let size, let treeSize):
      "The log has \(treeSize) entries, so there is no tree of size \(size); "
        + "name a size from 1 to \(treeSize)"
    case .sizesOutOfOrder(let from, let to):
      "A consistency proof goes from a smaller tree to a larger one; \(from) is larger than \(to)"
    }
  }
}
