import Foundation
import SamhandAudit
import SamhandCrypto

/// Brings the Merkle tree of the audit log up to the entries when the store opens: for a
/// log written before migration 0011 or 0020 (which moved the tree into the entry rows),
/// once, after its hash chain and checkpoints verified
/// (SQL cannot hash, so this is Swift). Also gives the log its origin line, once. A chain
/// that does not verify gets no tree: appends then fail closed (`AuditTreeError.behind`)
/// and `samhand audit verify` names the bad entry.
enum AuditTreeUpgrade {
  static func run(_ connection: any SQLConnection, keyRing: KeyRing) throws {
    if try AuditTreeQueries.origin(connection) == nil {
      try connection.execute(
        "INSERT INTO audit_log_origin (id, origin) VALUES (1, \(newOrigin()))")
    }
    let entries =
      try connection.fetchValue("SELECT MAX(sequence) FROM audit_entries", as: Int64.self) ?? 0
    let rows = AuditTreeRows(connection: connection)
    let treeSize = try rows.treeSize()
    guard treeSize < entries else { return }
    let report = try AuditLogVerification.verify(
      connection, publicKeys: [keyRing.auditKeyID: keyRing.auditPublicKey])
    guard report.intact else { return }
    var buffer: [UInt8] = []
    var frontier = try rows.frontier(size: treeSize)
    try connection.forEachRow(
      AuditRow.selectEntries("WHERE sequence > \(treeSize) ORDER BY sequence")
    ) { row in
      var columns = NamedAuditColumns(row: row)
      guard case .success(let entry) = AuditRow.entry(from: &columns) else { return }
      let leaf = MerkleHash.leaf(sequence: entry.sequence, event: entry.event, buffer: &buffer)
      let hashes = AuditTreeRows.data(frontier.appendReturningStored(leaf))
      try connection.execute(
        "UPDATE audit_entries SET tree_hashes = \(hashes) WHERE sequence = \(entry.sequence)")
    }
  }

  /// A new installation's origin: "samhand/" and 16 random hex digits, so that two
  /// installations' checkpoints can never be taken for each other's.
  static func newOrigin() -> String {
    var random = SystemRandomNumberGenerator()
    return "samhand/" + String(format: "%016llx", random.next() as UInt64)
  }
}
