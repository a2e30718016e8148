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
    func count(_ sql: StoreSQL) throws -> Int { try connection.fetchValue(sql, as: Int.self) ?? 0 }
    return StoreCounts(
      schemaVersion: try connection.fetchValue(
        connection.dialect == .sqlite
          ? "PRAGMA user_version" : "SELECT version FROM schema_version", as: Int.self) ?? 0,
      services: try count("SELECT COUNT(*) FROM services"),
      staff: try count("SELECT COUNT(*) FROM staff"),
      recipients: try count("SELECT COUNT(*) FROM recipients"),
      erasedRecipients: try count("SELECT COUNT(*) FROM recipient_keys WHERE wrapped_key IS NULL"),
      auditEntries: try count("SELECT COUNT(*) FROM audit_entries"),
      auditCheckpoints: try count("SELECT COUNT(*) FROM audit_checkpoints"))
  }
}
