import Foundation
import SamhandAudit
import Testing

/// The RFC 6962 test vectors published with the certificate-transparency implementations
/// (transparency-dev/merkle: eight leaves, every complete subtree, every root, and the
/// inclusion and consistency proofs of its verifier tests).
@Suite("Merkle tree against the RFC 6962 test vectors")
struct MerkleVectorTests {
  static let leaves = [
    "", "00", "10", "2021", "3031", "40414243", "5051525354555657",
    "606162636465666768696a6b6c6d6e6f",
  ].map(bytes(hex:))

  /// [level][index] of every complete subtree of the eight leaves.
  static let nodes: [[String]] = [
    [
      "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
      "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
      "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
      "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
      "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
      "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
      "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
      "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1",
    ],
    [
      "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
      "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
    ],
    [
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
      "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
    ],
    ["5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"],
  ]

  /// Root of the first n leaves, n = 0...8.
  static let roots = [
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
  ].map { MerkleHash(hex: $0)! }

  struct Vector: Sendable, CustomStringConvertible {
    let first: Int64
    let second: Int64
    let proof: [String]
    var hashes: [MerkleHash] { proof.map { MerkleHash(hex: $0)! } }
    var description: String { "\(first) → \(second)" }
  }

  /// (leaf from 0, tree size, proof).
  static let inclusion = [
    Vector(first: 0, second: 1, proof: []),
    Vector(
      first: 0, second: 8,
      proof: [
        "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
      ]),
    Vector(
      first: 5, second: 8,
      proof: [
        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
      ]),
    Vector(
      first: 2, second: 3,
      proof: ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"]),
    Vector(
      first: 1, second: 5,
      proof: [
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
      ]),
  ]

  /// (old size, new size, proof).
  static let consistency = [
    Vector(first: 1, second: 1, proof: []),
    Vector(
      first: 1, second: 8,
      proof: [
        "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
      ]),
    Vector(
      first: 6, second: 8,
      proof: [
        "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
      ]),
    Vector(
      first: 2, second: 5,
      proof: [
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
      ]),
    Vector(
      first: 6, second: 7,
      proof: [
        "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
        "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
      ]),
  ]

  static func bytes(hex: String) -> Data {
    Data(
      stride(from: 0, to: hex.count, by: 2).map { offset in
        let start = hex.index(hex.startIndex, offsetBy: offset)
        return UInt8(hex[start..<hex.index(start, offsetBy: 2)], radix: 16)!
      })
  }

  static func tree() -> MerkleHashArray {
    var tree = MerkleHashArray()
    for leaf in leaves { tree.append(leaf: .leaf(leaf)) }
    return tree
  }

  @Test("appending stores every complete subtree's hash where its storage index says")
  func storedSubtrees() throws {
    let tree = Self.tree()
    #expect(tree.stored.count == Int(MerkleNode.storedCount(treeSize: 8)))
    for (level, hashes) in Self.nodes.enumerated() {
      for (index, hex) in hashes.enumerated() {
        let node = MerkleNode(level: level, index: Int64(index))
        #expect(try tree.hashes(at: [node.storageIndex]) == [MerkleHash(hex: hex)!], "\(node)")
      }
    }
  }

  @Test("every storage index maps back to the append that stored it and the subtree's level")
  func appendedAt() {
    for leaf in Int64(0)..<600 {
      for level in 0...(~leaf).trailingZeroBitCount {
        let node = MerkleNode(level: level, index: ((leaf + 1) >> level) - 1)
        #expect(node.endLeaf == leaf + 1)
        let place = MerkleNode.appended(at: node.storageIndex)
        #expect(place.leaf == leaf && place.place == level, "\(node)")
      }
    }
    let far = MerkleNode.appended(at: MerkleNode.storedCount(treeSize: 1 << 40))
    #expect(far.leaf == 1 << 40 && far.place == 0)
  }

  @Test("the root of every prefix of the vector leaves is the published one")
  func roots() throws {
    let tree = Self.tree()
    for size in 0...8 {
      #expect(try MerkleTree.root(treeSize: Int64(size), from: tree) == Self.roots[size])
    }
  }

  @Test("inclusion proofs equal the published ones and verify", arguments: inclusion)
  func inclusionProof(_ vector: Vector) throws {
    let proof = try MerkleTree.inclusionProof(
      leaf: vector.first, treeSize: vector.second, from: Self.tree())
    #expect(proof == vector.hashes)
    let leafHash = MerkleHash.leaf(Self.leaves[Int(vector.first)])
    let root = Self.roots[Int(vector.second)]
    #expect(
      MerkleTree.verifyInclusion(
        leafHash: leafHash, leaf: vector.first, treeSize: vector.second, proof: proof, root: root))
    for probe in MerkleProbes.inclusion(vector.first, vector.second, proof, root, leafHash) {
      #expect(
        !MerkleTree.verifyInclusion(
          leafHash: probe.leafHash, leaf: probe.leaf, treeSize: probe.treeSize,
          proof: probe.proof, root: probe.root), "\(probe.name)")
    }
  }

  @Test("consistency proofs equal the published ones and verify", arguments: consistency)
  func consistencyProof(_ vector: Vector) throws {
    let proof = try MerkleTree.consistencyProof(
      from: vector.first, to: vector.second, in: Self.tree())
    #expect(proof == vector.hashes)
    let old = Self.roots[Int(vector.first)]
    let new = Self.roots[Int(vector.second)]
    #expect(
      MerkleTree.verifyConsistency(
        from: vector.first, to: vector.second, proof: proof, oldRoot: old, newRoot: new))
    guard !proof.isEmpty else { return }
    for probe in MerkleProbes.consistency(vector.first, vector.second, proof, old, new) {
      #expect(
        !MerkleTree.verifyConsistency(
          from: probe.oldSize, to: probe.newSize, proof: probe.proof, oldRoot: probe.oldRoot,
          newRoot: probe.newRoot), "\(probe.name)")
    }
  }

  @Test("trivial consistency: equal sizes need equal roots and no proof; any tree extends none")
  func trivialConsistency() {
    let one = Self.roots[1]
    let two = Self.roots[2]
    #expect(MerkleTree.verifyConsistency(from: 0, to: 0, proof: [], oldRoot: one, newRoot: one))
    #expect(!MerkleTree.verifyConsistency(from: 0, to: 0, proof: [], oldRoot: one, newRoot: two))
    #expect(MerkleTree.verifyConsistency(from: 0, to: 1, proof: [], oldRoot: one, newRoot: two))
    #expect(!MerkleTree.verifyConsistency(from: 0, to: 1, proof: [one], oldRoot: one, newRoot: two))
    #expect(!MerkleTree.verifyConsistency(from: 1, to: 1, proof: [], oldRoot: one, newRoot: two))
    #expect(!MerkleTree.verifyConsistency(from: 1, to: 1, proof: [one], oldRoot: one, newRoot: one))
    #expect(!MerkleTree.verifyConsistency(from: 2, to: 1, proof: [], oldRoot: two, newRoot: one))
    #expect(!MerkleTree.verifyConsistency(from: 1, to: 2, proof: [], oldRoot: one, newRoot: two))
  }

  @Test("out-of-range leaves and sizes are refused with a reason")
  func outOfRange() {
    let tree = Self.tree()
    #expect(throws: MerkleError.leafOutOfRange(leaf: 8, treeSize: 8)) {
      try MerkleTree.inclusionProof(leaf: 8, treeSize: 8, from: tree)
    }
    #expect(throws: MerkleError.sizesOutOfOrder(from: 5, to: 4)) {
      try MerkleTree.consistencyProof(from: 5, to: 4, in: tree)
    }
    #expect(throws: MerkleError.missingHash(storageIndex: 15)) {
      try MerkleTree.root(treeSize: 9, from: tree)
    }
    #expect(
      !MerkleTree.verifyInclusion(
        leafHash: Self.roots[1], leaf: 0, treeSize: 0, proof: [], root: .empty))
  }
}
