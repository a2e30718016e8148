/// An inclusion proof as an auditor receives it (CLI `audit prove`, HTTP
/// `/v1/audit/proof/inclusion`): entry `entry` (from 1) with leaf hash `leafHash` is in the
/// tree of the first `treeSize` entries, whose root is `root`. Hashes print as base64, as
/// in checkpoints.
///
/// ```swift
/// let proof = try transaction.auditInclusionProof(entry: 7, treeSize: 182)
/// proof.verifies   // recomputes the root from the leaf and the path
/// ```
public struct InclusionProof: Sendable, Equatable, Encodable {
  public let entry: Int64
  public let treeSize: Int64
  public let leafHash: MerkleHash
  public let root: MerkleHash
  public let path: [MerkleHash]

  public var verifies: Bool {
    MerkleTree.verifyInclusion(
      leafHash: leafHash, leaf: entry - 1, treeSize: treeSize, proof: path, root: root)
  }
}

/// A consistency proof as an auditor receives it (CLI `audit consistency`, HTTP
/// `/v1/audit/proof/consistency`): the tree of `newSize` entries with root `newRoot`
/// extends the tree of `oldSize` entries with root `oldRoot`.
public struct ConsistencyProof: Sendable, Equatable, Encodable {
  public let oldSize: Int64
  public let newSize: Int64
  public let oldRoot: MerkleHash
  public let newRoot: MerkleHash
  public let path: [MerkleHash]

  public var verifies: Bool {
    MerkleTree.verifyConsistency(
      from: oldSize, to: newSize, proof: path, oldRoot: oldRoot, newRoot: newRoot)
  }
}

extension MerkleHash: Encodable {
  /// Base64, as the root line of a checkpoint.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(base64)
  }
}

extension MerkleTree {
  /// The inclusion proof of entry `entry` (from 1) in the tree of `treeSize` entries.
  public static func inclusion(
    entry: Int64, treeSize: Int64, from reader: some MerkleHashReader
  ) throws -> InclusionProof {
    let path = try inclusionProof(leaf: entry - 1, treeSize: treeSize, from: reader)
    let leafHash = try reader.hashes(at: [MerkleNode(level: 0, index: entry - 1).storageIndex])[0]
    return InclusionProof(
      entry: entry, treeSize: treeSize, leafHash: leafHash,
      root: try root(treeSize: treeSize, from: reader), path: path)
  }

  /// The consistency proof from the tree of `oldSize` entries to that of `newSize`.
  public static func consistency(
    from oldSize: Int64, to newSize: Int64, in reader: some MerkleHashReader
  ) throws -> ConsistencyProof {
    let path = try consistencyProof(from: oldSize, to: newSize, in: reader)
    return ConsistencyProof(
      oldSize: oldSize, newSize: newSize, oldRoot: try root(treeSize: oldSize, from: reader),
      newRoot: try root(treeSize: newSize, from: reader), path: path)
  }
}
