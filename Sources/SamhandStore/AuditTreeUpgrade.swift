import Foundation
import GRDB
import SamhandAudit
import SamhandCrypto

/// Brings the Merkle tree of the audit log up to the entries when the store opens: for a
/// log written before migration 0011 or 0020 (which moved the tree into the entry rows),
/// once, after its hash chain and checkpoints verified
/// (SQL cannot hash, so this is Swift). Also gives the log its origin line, once. A chain
/// that does not verify gets no tree: appends then fail closed (`AuditTreeError.behind`)
/// and `samhand audit verify` names the bad entry.
enum AuditTreeUpgrade {
  static func run(_ db: Database, keyRing: KeyRing) throws {
    if try AuditTreeQueries.origin(db) == nil {
      try db.execute(
        sql: "INSERT INTO audit_log_origin (id, origin) VALUES (1, ?)", arguments: [newOrigin()])
    }
    let entries = try Int64.fetchOne(db, sql: "SELECT MAX(sequence) FROM audit_entries") ?? 0
    let rows = AuditTreeRows(db: db)
    let treeSize = try rows.treeSize()
    guard treeSize < entries else { return }
    let report = try AuditLogVerification.verify(
      db, publicKeys: [keyRing.auditKeyID: keyRing.auditPublicKey], progress: nil)
    guard report.intact else { return }
    let statement = try db.makeStatement(
      sql: AuditRow.selectSQL + " WHERE sequence > ? ORDER BY sequence")
    statement.arguments = [treeSize]
    let update = try db.makeStatement(
      sql: "UPDATE audit_entries SET tree_hashes = ? WHERE sequence = ?")
    var buffer: [UInt8] = []
    try AuditRow.forEachEntry(of: statement) { decoded in
      guard case .success(let entry) = decoded else { return }
      let leaf = MerkleHash.leaf(sequence: entry.sequence, event: entry.event, buffer: &buffer)
      try update.execute(arguments: [
        try rows.hashes(appending: leaf, at: entry.sequence - 1), entry.sequence,
      ])
    }
  }

  /// A new installation's origin: "samhand/" and 16 random hex digits, so that two
  /// installations' checkpoints can never be taken for each other's.
  static func newOrigin() -> String {
    var random = SystemRandomNumberGenerator()
    return "samhand/" + String(format: "%016llx", random.next() as UInt64)
  }
}
