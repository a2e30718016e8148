import GRDB

/// What `samhand status` shows: how much is stored, without opening anything sealed.
public struct StoreCounts: Sendable, Equatable, Codable {
  public let schemaVersion: Int
  public let services: Int
  public let staff: Int
  public let recipients: Int
  public let erasedRecipients: Int
  public let auditEntries: Int
  public let auditCheckpoints: Int
}

extension StoreTransaction {
  public func counts() throws -> StoreCounts {
    func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? 0 }
    return StoreCounts(
      schemaVersion: try Migrations.version(db),
      services: try count("SELECT COUNT(*) FROM services"),
      staff: try count("SELECT COUNT(*) FROM staff"),
      recipients: try count("SELECT COUNT(*) FROM recipients"),
      erasedRecipients: try count("SELECT COUNT(*) FROM recipient_keys WHERE wrapped_key IS NULL"),
      auditEntries: try count("SELECT COUNT(*) FROM audit_entries"),
      auditCheckpoints: try count("SELECT COUNT(*) FROM audit_checkpoints"))
  }
}
