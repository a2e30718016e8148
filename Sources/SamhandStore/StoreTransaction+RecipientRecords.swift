import Foundation
import GRDB
import SamhandCore

/// Reads over all of one recipient's records, ended and closed ones included, for the copy of
/// everything held (GDPR art. 15 and 20).
extension StoreTransaction {
  /// Every responsibility group of the recipient, oldest first.
  public func groupIDs(of recipient: RecipientID) throws -> [GroupID] {
    try String.fetchAll(
      db.cachedStatement(sql: "SELECT id FROM groups WHERE recipient_id = ? ORDER BY rowid"),
      arguments: [recipient.rawValue]
    ).map(GroupID.init(rawValue:))
  }

  /// Everyone who has held responsibility for the recipient, oldest first.
  public func responsibilityHistory(of recipient: RecipientID) throws -> [ResponsibilityPeriod] {
    try Row.fetchAll(
      db.cachedStatement(
        sql: """
          SELECT staff_id, service, since, via, via_handover_id, ended_at FROM responsibilities
          WHERE recipient_id = ? ORDER BY rowid
          """), arguments: [recipient.rawValue]
    ).map { row in
      guard let service = try? ServiceCode(row["service"] as String),
        let since = Timestamp.parse(row["since"] as String)
      else {
        throw StoreError.corruptRow(
          table: "responsibilities", id: recipient.rawValue, reason: "bad service or time")
      }
      return ResponsibilityPeriod(
        staff: (row["staff_id"] as String?).map(StaffID.init(rawValue:)), service: service,
        since: since, until: (row["ended_at"] as String?).flatMap(Timestamp.parse),
        via: row["via"], viaHandover: row["via_handover_id"])
    }
  }
}
