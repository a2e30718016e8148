import Foundation
import SamhandAudit
import SamhandCore
import SamhandStore

/// Proofs over the audit log's Merkle tree. For the CLI they are read from the database file
/// alone (no key, no server); over HTTP they are gated with `readAudit` and audited like the
/// auditors' other questions.
extension SamhandService {
  /// `samhand audit prove`: entry `entry` (from 1) is in the tree of `treeSize` entries
  /// (default: all of them).
  public static func auditInclusionProof(dataDirectory: URL, entry: Int64, treeSize: Int64?)
    throws -> InclusionProof
  {
    try AuditLogFile.inclusionProof(
      databaseAt: DataDirectory(url: dataDirectory).databaseURL, entry: entry, treeSize: treeSize)
  }

  /// `samhand audit consistency`: the tree of `newSize` entries extends that of `oldSize`.
  public static func auditConsistencyProof(
    dataDirectory: URL, from oldSize: Int64, to newSize: Int64?
  )
    throws -> ConsistencyProof
  {
    try AuditLogFile.consistencyProof(
      databaseAt: DataDirectory(url: dataDirectory).databaseURL, from: oldSize, to: newSize)
  }

  /// GET /v1/audit/checkpoint: the newest signed checkpoint note.
  public func auditCheckpoint(as actor: Actor, options: RequestOptions) throws
    -> SignedNote
  {
    try gate.write(
      request(actor, .readAudit, "audit.checkpoint", options),
      notFound: .forbidden("the audit log"), resolve: { _ in .auditLog },
      perform: { transaction, _ in
        guard let note = try transaction.latestSignedCheckpoint() else {
          throw ServiceError.notFound(kind: "audit checkpoint", id: "latest")
        }
        return note
      })
  }

  /// The tree's size, newest checkpoint and unsigned entries, for `GET /v1/audit/verify`
  /// (read after the gate let the actor verify the log).
  public func auditTreeStatus() throws -> InstallationStatus.AuditTree {
    try store.read { try auditTree($0) }
  }

  /// GET /v1/audit/proof/inclusion.
  public func auditInclusionProof(
    entry: Int64, treeSize: Int64?, as actor: Actor, options: RequestOptions
  ) throws -> InclusionProof {
    try gate.write(
      request(actor, .readAudit, "audit.proof.inclusion", options),
      notFound: .forbidden("the audit log"), resolve: { _ in .auditLog },
      perform: { transaction, _ in
        try Self.asBadInput {
          try transaction.auditInclusionProof(entry: entry, treeSize: treeSize)
        }
      })
  }

  /// GET /v1/audit/proof/consistency.
  public func auditConsistencyProof(
    from oldSize: Int64, to newSize: Int64?, as actor: Actor, options: RequestOptions
  ) throws -> ConsistencyProof {
    try gate.write(
      request(actor, .readAudit, "audit.proof.consistency", options),
      notFound: .forbidden("the audit log"), resolve: { _ in .auditLog },
      perform: { transaction, _ in
        try Self.asBadInput { try transaction.auditConsistencyProof(from: oldSize, to: newSize) }
      })
  }

  /// A proof asked for outside the tree is the asker's mistake (400), not the server's.
  static func asBadInput<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as MerkleError {
      throw ServiceError.invalid(error.description)
    }
  }
}

extension SamhandService {
  /// Signs a checkpoint over the head if entries were appended since the newest one: what
  /// every CLI command does before it exits, so that what it appended cannot be cut off.
  public func checkpointIfBehind() throws {
    try store.write { transaction in
      let latest =
        try transaction.latestSignedCheckpoint()
        .flatMap { try? TreeCheckpoint(text: $0.text).size } ?? 0
      guard let head = try transaction.auditHead(), head.sequence > latest else { return }
      try transaction.writeCheckpoint()
    }
  }
}
