import Foundation
import SamhandAudit
import SamhandTestSupport
import Testing

/// Random trees up to 10 000 leaves: the stored-hash tree agrees with a plain recursive
/// RFC 6962 tree hash, every proof it gives verifies, and every altered proof fails.
@Suite("Merkle proofs on random trees")
struct MerklePropertyTests {
  static let maximumSize = 10_000

  /// One tree of 10 000 random leaves; every smaller tree is a prefix of it.
  static let leaves: [MerkleHash] = {
    var random = SplitMix64(seed: 0x6962)
    return (0..<maximumSize).map { _ in .leaf(random.bytes(random.below(40))) }
  }()

  static let tree: MerkleHashArray = {
    var tree = MerkleHashArray()
    for leaf in leaves { tree.append(leaf: leaf) }
    return tree
  }()

  /// RFC 6962's MTH, straight from the definition.
  static func referenceRoot(_ range: Range<Int>) -> MerkleHash {
    if range.isEmpty { return .empty }
    if range.count == 1 { return leaves[range.lowerBound] }
    var split = 1
    while split * 2 < range.count { split *= 2 }
    let middle = range.lowerBound + split
    return .node(
      referenceRoot(range.lowerBound..<middle), referenceRoot(middle..<range.upperBound))
  }

  @Test("roots of random sizes equal the recursive definition", arguments: [0x1, 0x2, 0x3])
  func roots(seed: UInt64) throws {
    var random = SplitMix64(seed: seed)
    for size in [1, 2, 3, 7, 8, 9, 1023, 1024, 1025, Self.maximumSize]
      + (0..<10).map({ _ in 1 + random.below(Self.maximumSize) })
    {
      #expect(
        try MerkleTree.root(treeSize: Int64(size), from: Self.tree)
          == Self.referenceRoot(0..<size), "size \(size), seed \(seed)")
    }
  }

  @Test("every inclusion proof verifies and every altered one fails", arguments: [0x10, 0x11])
  func inclusion(seed: UInt64) throws {
    var random = SplitMix64(seed: seed)
    for _ in 0..<60 {
      let size = Int64(1 + random.below(Self.maximumSize))
      let leaf = Int64(random.below(Int(size)))
      let root = try MerkleTree.root(treeSize: size, from: Self.tree)
      let proof = try MerkleTree.inclusionProof(leaf: leaf, treeSize: size, from: Self.tree)
      let leafHash = Self.leaves[Int(leaf)]
      let context = "leaf \(leaf) of \(size), seed \(seed)"
      #expect(
        MerkleTree.verifyInclusion(
          leafHash: leafHash, leaf: leaf, treeSize: size, proof: proof, root: root), "\(context)")
      let bit = random.below(256)
      for probe in MerkleProbes.inclusion(leaf, size, proof, root, leafHash, bit: bit)
      where !Self.sameTree(probe) {
        #expect(
          !MerkleTree.verifyInclusion(
            leafHash: probe.leafHash, leaf: probe.leaf, treeSize: probe.treeSize,
            proof: probe.proof, root: probe.root), "\(probe.name), \(context)")
      }
    }
  }

  @Test("every consistency proof verifies and every altered one fails", arguments: [0x20, 0x21])
  func consistency(seed: UInt64) throws {
    var random = SplitMix64(seed: seed)
    for _ in 0..<60 {
      let newSize = Int64(2 + random.below(Self.maximumSize - 1))
      let oldSize = Int64(1 + random.below(Int(newSize) - 1))
      let oldRoot = try MerkleTree.root(treeSize: oldSize, from: Self.tree)
      let newRoot = try MerkleTree.root(treeSize: newSize, from: Self.tree)
      let proof = try MerkleTree.consistencyProof(from: oldSize, to: newSize, in: Self.tree)
      let context = "\(oldSize) → \(newSize), seed \(seed)"
      #expect(
        MerkleTree.verifyConsistency(
          from: oldSize, to: newSize, proof: proof, oldRoot: oldRoot, newRoot: newRoot),
        "\(context)")
      let bit = random.below(256)
      for probe in MerkleProbes.consistency(oldSize, newSize, proof, oldRoot, newRoot, bit: bit) {
        #expect(
          !MerkleTree.verifyConsistency(
            from: probe.oldSize, to: probe.newSize, proof: probe.proof, oldRoot: probe.oldRoot,
            newRoot: probe.newRoot), "\(probe.name), \(context)")
      }
    }
  }

  /// A probe whose statement is still true (the same leaf hash at its index, the real root of
  /// its size) may verify; it is not an altered proof.
  static func sameTree(_ probe: MerkleProbes.Inclusion) -> Bool {
    guard probe.leaf >= 0, probe.leaf < probe.treeSize, probe.treeSize <= Int64(maximumSize)
    else { return false }
    return leaves[Int(probe.leaf)] == probe.leafHash
      && (try? MerkleTree.root(treeSize: probe.treeSize, from: tree)) == probe.root
  }
}
