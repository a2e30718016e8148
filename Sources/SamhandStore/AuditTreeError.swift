/// Why the audit log's Merkle tree could not be kept or read.
public enum AuditTreeError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The tree lags the entries (the upgrade found a chain that does not verify): appending
  /// fails closed until the log is verified and repaired.
  case behind(treeSize: Int64, entries: Int64)
  case noCheckpoint

  public var description: String {
    switch self {
    case .behind(let treeSize, let entries):
      "The audit log's Merkle tree covers \(treeSize) of \(entries) entries, so nothing can be "
        + "audited; run `samhand audit verify` to find the entry that stopped it"
    case .noCheckpoint:
      "The audit log has no signed checkpoint yet; run `samhand audit checkpoint`"
    }
  }
}
