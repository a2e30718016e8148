extension AuditVerifier {
  /// `feed(contentsOf:)`, appending the same entries to `tree` (if any): the chain and the
  /// tree from one read of the log. Each entry is encoded once, on the second core, which
  /// also hashes its leaf from those bytes; this core chains the hashes and folds the leaves
  /// into the tree.
  public mutating func feed(
    contentsOf entries: [AuditEntry], growing tree: inout MerkleRecomputation?
  )
    async
  {
    await feed(contentsOf: entries, tree: &tree)
  }
}
