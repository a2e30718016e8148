import Foundation
import SamhandCrypto

/// The key-encryption key versions the database records (migration 0012): numbers and states,
/// never key material. `samhand keys rotate` and `keys retire` change them; every process on
/// the data directory follows them (see `LiveKeyRing`).
extension StoreTransaction {
  /// The version recorded as current, or nil before any is recorded. One indexed row: every
  /// write transaction reads it.
  func recordedCurrentKeyVersion() throws -> Int? {
    try connection.fetchValue(
      "SELECT version FROM key_versions WHERE status = 'current'", as: Int.self)
  }

  func recordedKeyVersions() throws -> RecordedKeyVersions {
    var recorded = RecordedKeyVersions(current: nil, retired: [], highest: 0)
    for row in try connection.fetchAll("SELECT version, status FROM key_versions") {
      let version: Int = try row["version"]
      let status: String = try row["status"]
      recorded.highest = max(recorded.highest, version)
      switch status {
      case "current": recorded.current = version
      case "retired": recorded.retired.insert(version)
      default: break
      }
    }
    return recorded
  }

  /// Each recorded version with its state (`current`, `previous` or `retired`), for status.
  public func keyVersionStates() throws -> [Int: String] {
    let rows = try connection.fetchAll("SELECT version, status FROM key_versions")
    return Dictionary(
      uniqueKeysWithValues: try rows.map { (try $0["version"], try $0["status"]) })
  }

  /// Records `ring`'s versions when the database records none as current yet (a new data
  /// directory, or one without data keys when migration 0012 ran): its current version as
  /// current, the others as previous.
  func recordKeyVersionsIfNone(of ring: KeyRing) throws {
    guard try recordedCurrentKeyVersion() == nil else { return }
    for version in ring.kekVersions {
      let status = version == ring.currentKEKVersion ? "current" : "previous"
      try connection.execute(
        """
        INSERT INTO key_versions (version, status, changed_at)
        VALUES (\(version), \(status), \(nowText)) ON CONFLICT DO NOTHING
        """)
    }
  }

  /// Records `version` as the new current version and the old current one as previous.
  func recordRotation(to version: Int) throws {
    try connection.execute(
      """
      UPDATE key_versions SET status = 'previous', changed_at = \(nowText)
      WHERE status = 'current'
      """)
    try connection.execute(
      """
      INSERT INTO key_versions (version, status, changed_at)
      VALUES (\(version), 'current', \(nowText))
      """)
  }

  /// Records `version` as retired: no process loads or wraps under it again.
  func recordRetirement(of version: Int) throws {
    try connection.execute(
      """
      INSERT INTO key_versions (version, status, changed_at)
      VALUES (\(version), 'retired', \(nowText))
      ON CONFLICT (version) DO UPDATE SET status = 'retired', changed_at = excluded.changed_at
      """)
  }
}
