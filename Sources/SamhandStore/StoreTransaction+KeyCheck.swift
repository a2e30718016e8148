import Foundation
import SamhandCore

/// Whether a key ring belongs to this database, checked before a restore is accepted.
extension StoreTransaction {
  /// Why this transaction's key ring cannot serve the database, or nil when it can: the
  /// newest checkpoint must be signed by the ring's audit key, every key-encryption key
  /// version in use must be there and unwrap a data key, and the blind-index key must find a
  /// recipient by their (opened) national id.
  func keyProblem() throws -> String? {
    if let checkpoint = try lastCheckpoint(), checkpoint.keyID != keyRing.auditKeyID {
      return "the audit checkpoints are signed by key \(checkpoint.keyID), "
        + "but audit-signing.key is key \(keyRing.auditKeyID)"
    }
    let inUse = try connection.fetchAll(
      """
      SELECT kek_version, MIN(recipient_id) AS recipient_id, COUNT(*) AS data_keys
      FROM recipient_keys WHERE wrapped_key IS NOT NULL GROUP BY kek_version ORDER BY kek_version
      """)
    for row in inUse {
      let version: Int = try row["kek_version"]
      let recipient = RecipientID(rawValue: try row["recipient_id"])
      guard keyRing.kekVersions.contains(version) else {
        return "kek-\(version).key is missing and wraps \(try row["data_keys"] as Int) data keys"
      }
      do {
        _ = try dataKey(for: recipient)
      } catch {
        return "kek-\(version).key does not unwrap the data key of recipient \(recipient)"
      }
    }
    guard
      let indexed = try connection.fetchOne(
        """
        SELECT recipients.id, recipients.national_id_index FROM recipients
        JOIN recipient_keys ON recipient_keys.recipient_id = recipients.id
        WHERE recipients.national_id_index IS NOT NULL
          AND recipient_keys.wrapped_key IS NOT NULL
        ORDER BY recipients.id LIMIT 1
        """)
    else { return nil }
    let id = RecipientID(rawValue: try indexed["id"])
    guard let nationalID = try recipient(id)?.nationalID.value,
      keyRing.blindIndex(nationalID: nationalID.digits)
        == (try indexed["national_id_index"] as Data)
    else { return "blind-index.key does not find recipient \(id) by their national id" }
    return nil
  }
}
