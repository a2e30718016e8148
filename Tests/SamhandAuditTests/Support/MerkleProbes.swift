import Foundation
import SamhandAudit

/// Altered versions of a valid proof, each of which must fail to verify: wrong leaf, index,
/// root, an element changed, dropped, added or moved.
enum MerkleProbes {
  static let other = MerkleHash(
    hex: "abacaba000000000000000000000000000000000000000000060061e00123456")!

  struct Inclusion {
    let name: String
    let leaf: Int64
    let treeSize: Int64
    let proof: [MerkleHash]
    let root: MerkleHash
    let leafHash: MerkleHash
  }

  struct Consistency {
    let name: String
    let oldSize: Int64
    let newSize: Int64
    let proof: [MerkleHash]
    let oldRoot: MerkleHash
    let newRoot: MerkleHash
  }

  static func flipped(_ proof: [MerkleHash], at index: Int, bit: Int) -> [MerkleHash] {
    var bytes = proof[index].data
    bytes[bit / 8] ^= 1 << (bit % 8)
    var altered = proof
    altered[index] = MerkleHash(bytes)!
    return altered
  }

  static func inclusion(
    _ leaf: Int64, _ size: Int64, _ proof: [MerkleHash], _ root: MerkleHash,
    _ leafHash: MerkleHash, bit: Int = 3
  ) -> [Inclusion] {
    func probe(
      _ name: String, leaf: Int64 = leaf, size: Int64 = size, proof: [MerkleHash] = proof,
      root: MerkleHash = root, leafHash: MerkleHash = leafHash
    ) -> Inclusion {
      Inclusion(
        name: name, leaf: leaf, treeSize: size, proof: proof, root: root, leafHash: leafHash)
    }
    var probes = [
      probe("leaf - 1", leaf: leaf - 1), probe("leaf + 1", leaf: leaf + 1),
      probe("leaf ^ 2", leaf: leaf ^ 2), probe("size * 2", size: size * 2),
      probe("size / 2", size: size / 2), probe("wrong leaf", leafHash: other),
      probe("empty root", root: .empty), probe("other root", root: other),
      probe("trailing root", proof: proof + [root]), probe("preceding root", proof: [root] + proof),
    ]
    for index in proof.indices {
      probes.append(probe("proof[\(index)] bit \(bit)", proof: flipped(proof, at: index, bit: bit)))
    }
    if !proof.isEmpty { probes.append(probe("removed last", proof: proof.dropLast())) }
    if proof.count > 1 {
      probes.append(probe("inserted", proof: [proof[0], other] + proof.dropFirst()))
      probes.append(probe("swapped", proof: [proof[1], proof[0]] + proof.dropFirst(2)))
    }
    return probes
  }

  static func consistency(
    _ oldSize: Int64, _ newSize: Int64, _ proof: [MerkleHash], _ oldRoot: MerkleHash,
    _ newRoot: MerkleHash, bit: Int = 4
  ) -> [Consistency] {
    func probe(
      _ name: String, old: Int64 = oldSize, new: Int64 = newSize,
      proof: [MerkleHash] = proof, oldRoot: MerkleHash = oldRoot, newRoot: MerkleHash = newRoot
    )
      -> Consistency
    {
      Consistency(
        name: name, oldSize: old, newSize: new, proof: proof, oldRoot: oldRoot, newRoot: newRoot)
    }
    var probes = [
      probe("old - 1", old: oldSize - 1), probe("old + 1", old: oldSize + 1),
      probe("old ^ 2", old: oldSize ^ 2), probe("new * 2", new: newSize * 2),
      probe("new / 2", new: newSize / 2), probe("wrong old root", oldRoot: other),
      probe("wrong new root", newRoot: other),
      probe("swapped roots", oldRoot: newRoot, newRoot: oldRoot), probe("empty proof", proof: []),
      probe("trailing old root", proof: proof + [oldRoot]),
      probe("trailing new root", proof: proof + [newRoot]),
      probe("preceding old root", proof: [oldRoot] + proof),
      probe("preceding new root", proof: [newRoot] + proof),
      probe("preceding proof[0]", proof: [proof[0]] + proof),
      probe("removed last", proof: proof.dropLast()),
    ]
    for index in proof.indices {
      probes.append(probe("proof[\(index)] bit \(bit)", proof: flipped(proof, at: index, bit: bit)))
    }
    return probes
  }
}
