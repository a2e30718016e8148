import Foundation
import SamhandAudit

/// A witness's cosignature as the log stored it (table `audit_cosignatures`).
public struct StoredCosignature: Sendable, Equatable {
  public let witnessName: String
  /// The witness's C2SP verifier key.
  public let witnessKey: String
  public let treeSize: Int64
  /// The cosignature's own timestamp.
  public let cosignedAt: Date
}

/// Why a handed-back cosignature was refused.
public enum CosignatureError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The note is not the text of a signed checkpoint this log holds.
  case unknownCheckpoint(size: Int64)
  /// The note carries no valid cosignature of the witness key given.
  case notCosigned(witness: String)
  case notACheckpoint(String)

  public var description: String {
    switch self {
    case .unknownCheckpoint(let size):
      "the cosigned note is not a signed checkpoint of this log (tree size \(size))"
    case .notCosigned(let witness):
      "the note carries no valid cosignature of the witness key \(witness)"
    case .notACheckpoint(let reason):
      "the cosigned note is not a checkpoint: \(reason)"
    }
  }
}

/// Cosignatures handed back by witnesses: checked against the log's own signed checkpoints
/// and the witness key before they are stored, for the store's transactions and for a
/// witness that writes the database file directly (`AuditLogFile.recordCosignature`).
enum AuditCosignatures {
  static func record(
    _ connection: any SQLConnection, note: SignedNote, witness: NoteVerifier,
    receivedMillis: Int64
  ) throws -> StoredCosignature {
    let checkpoint: TreeCheckpoint
    do {
      checkpoint = try TreeCheckpoint(text: note.text)
    } catch {
      throw CosignatureError.notACheckpoint(error.description)
    }
    let stored = try connection.fetchValue(
      "SELECT note FROM audit_signed_checkpoints WHERE tree_size = \(checkpoint.size)",
      as: String.self)
    guard let stored, try SignedNote(parsing: stored).text == note.text else {
      throw CosignatureError.unknownCheckpoint(size: checkpoint.size)
    }
    guard witness.type == .cosignatureV1, let timestamp = witness.verify(note)?.timestamp else {
      throw CosignatureError.notCosigned(witness: witness.encoded)
    }
    try connection.execute(
      """
      INSERT INTO audit_cosignatures
        (witness_name, witness_key, tree_size, cosigned_at, received_ms, note)
      VALUES (\(witness.name), \(witness.encoded), \(checkpoint.size), \(Int64(timestamp)),
        \(receivedMillis), \(note.serialized))
      ON CONFLICT DO NOTHING
      """)
    return StoredCosignature(
      witnessName: witness.name, witnessKey: witness.encoded, treeSize: checkpoint.size,
      cosignedAt: Date(timeIntervalSince1970: Double(timestamp)))
  }

  /// Each witness's newest cosignature, the largest tree first.
  static func newest(_ connection: any SQLConnection) throws -> [StoredCosignature] {
    try connection.fetchAll(
      """
      SELECT c.witness_name, c.witness_key, c.tree_size, c.cosigned_at
      FROM audit_cosignatures c
      WHERE c.tree_size = (SELECT MAX(d.tree_size) FROM audit_cosignatures d
                           WHERE d.witness_key = c.witness_key)
      ORDER BY c.tree_size DESC, c.witness_key
      """
    ).map { row in
      StoredCosignature(
        witnessName: try row["witness_name"], witnessKey: try row["witness_key"],
        treeSize: try row["tree_size"],
        cosignedAt: Date(timeIntervalSince1970: Double(try row["cosigned_at"] as Int64)))
    }
  }
}

extension StoreTransaction {
  /// Stores a witness's cosignature of one of this log's signed checkpoints, once checked.
  @discardableResult
  public func recordCosignature(_ note: SignedNote, witness: NoteVerifier) throws
    -> StoredCosignature
  {
    try AuditCosignatures.record(
      connection, note: note, witness: witness,
      receivedMillis: Timestamp.milliseconds(clock.now))
  }

  /// Each witness's newest cosignature handed back to the log, the largest tree first.
  public func newestCosignatures() throws -> [StoredCosignature] {
    try AuditCosignatures.newest(connection)
  }
}
