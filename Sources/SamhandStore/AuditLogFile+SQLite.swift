import Foundation
import GRDB
import SamhandAudit

/// The file path's SQLite side: opening `samhand.db` read-only (or, for a cosignature, for
/// writing) without the key ring, and the tree recomputed from raw entry rows. SQLite only
/// by nature: the file is SQLite's.
extension AuditLogFile {
  /// The tree recomputed from the entry rows alone (no stored hash is trusted): the number
  /// of entries and the root at each of `sizes` that the log reaches. A row that cannot be
  /// decoded counts as a leaf no honest log has, so every root after it differs.
  public static func recomputedRoots(databaseAt url: URL, at sizes: Set<Int64>) throws
    -> (entries: Int64, roots: [Int64: MerkleHash])
  {
    let queue = try AuditLogVerification.openReadOnly(url)
    return try translatingErrors(path: url.path) {
      try queue.read { db in
        var tree = MerkleRecomputation(rootsAt: sizes)
        try AuditLogVerification.forEachEntry(db) { decoded in
          switch decoded {
          case .success(let entry): tree.append(entry)
          case .failure(let problem): tree.appendUndecodable(reason: problem.reason)
          }
        }
        return (tree.entries, tree.roots)
      }
    }
  }

  /// Runs `body` on the database file opened read-only, through the store's connection type.
  static func reading<T>(_ url: URL, _ body: (any SQLConnection) throws -> T) throws -> T {
    let queue = try AuditLogVerification.openReadOnly(url)
    return try translatingErrors(path: url.path) {
      try queue.read { db in try body(GRDBConnection(db: db)) }
    }
  }

  /// Stores a witness's cosignature straight into the database file, without the key ring:
  /// what `samhand audit witness --data` does when it may write there (not on a read-only
  /// mount, where the step succeeds all the same).
  @discardableResult
  public static func recordCosignature(
    _ note: SignedNote, witness: NoteVerifier, databaseAt url: URL, now: Date = Date()
  ) throws -> StoredCosignature {
    var configuration = Configuration()
    configuration.busyMode = .timeout(10)
    let queue = try translatingErrors(path: url.path) {
      try DatabaseQueue(path: url.path, configuration: configuration)
    }
    return try translatingErrors(path: url.path) {
      try queue.write { db in
        try AuditCosignatures.record(
          GRDBConnection(db: db), note: note, witness: witness,
          receivedMillis: Int64((now.timeIntervalSince1970 * 1000).rounded(.down)))
      }
    }
  }
}
