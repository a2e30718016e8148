extension AuditVerifier {
  /// `feed(contentsOf:)`, while another core appends the same entries to `tree` (if any):
  /// the chain and the tree from one read of the log.
  public mutating func feed(
    contentsOf entries: [AuditEntry], growing tree: inout MerkleRecomputation?
  )
    async
  {
    let taken = tree.take()
    async let grown = Self.grown(taken, by: entries)
    await feed(contentsOf: entries)
    tree = await grown
  }

  private static func grown(_ tree: consuming MerkleRecomputation?, by entries: [AuditEntry])
    -> MerkleRecomputation?
  {
    guard var tree else { return nil }
    tree.append(contentsOf: entries)
    return tree
  }
}
