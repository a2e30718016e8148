/// The Merkle tree recomputed from a log's entries alone (no stored hash is trusted) while
/// they are read once, for the hash chain too: the number of entries and the roots at the
/// sizes that checkpoints and witnesses signed, in O(log n) memory. What `verify --witness`
/// holds signed and witnessed roots to.
///
/// ```swift
/// var tree = MerkleRecomputation(rootsAt: [1_000, 2_000])
/// tree.append(contentsOf: batch)
/// tree.roots[1_000]     // nil until the log reaches 1,000 entries
/// ```
public struct MerkleRecomputation: Sendable {
  /// The sizes whose roots are kept.
  public let sizes: Set<Int64>
  public private(set) var roots: [Int64: MerkleHash] = [:]
  private var frontier = MerkleFrontier()
  private var buffer: [UInt8] = []
  /// The sizes whose roots are kept, descending: the last is the next one the tree reaches,
  /// so an append compares one number instead of looking its size up.
  private var sizesAhead: [Int64]

  public init(rootsAt sizes: Set<Int64>) {
    self.sizes = sizes
    self.sizesAhead = sizes.filter { $0 > 0 }.sorted(by: >)
  }

  /// The entries appended so far.
  public var entries: Int64 { frontier.size }

  /// Appends the entries' leaves, in order.
  public mutating func append(contentsOf entries: [AuditEntry]) {
    append(contentsOf: entries[...])
  }

  public mutating func append(contentsOf entries: ArraySlice<AuditEntry>) {
    entries.withUnsafeBufferPointer { entries in
      for index in entries.indices { append(entries[index]) }
    }
  }

  public mutating func append(_ entry: AuditEntry) {
    append(.leaf(sequence: entry.sequence, event: entry.event, buffer: &buffer))
  }

  /// Appends the leaf of a row that cannot be decoded: a leaf no honest log has, so every
  /// root after it differs.
  public mutating func appendUndecodable(reason: String) {
    append(.leaf(Array("undecodable \(reason)".utf8)))
  }

  /// Appends leaves already hashed (the verifier hashes them with the chain's encoding).
  mutating func append(leaves: [MerkleHash]) {
    leaves.withUnsafeBufferPointer { leaves in
      for leaf in leaves { append(leaf) }
    }
  }

  private mutating func append(_ leaf: MerkleHash) {
    frontier.append(leaf)
    guard let next = sizesAhead.last, next == frontier.size else { return }
    roots[next] = frontier.root
    sizesAhead.removeLast()
  }
}
