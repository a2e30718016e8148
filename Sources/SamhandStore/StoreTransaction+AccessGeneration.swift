import Foundation
import SamhandCore

extension StoreTransaction {
  /// The access generation this transaction sees: it grows with every committed change to a
  /// table that access facts are read from (migration 0008's triggers), so two snapshots
  /// showing the same generation show the same facts.
  public func accessGeneration() throws -> Int64 {
    try connection.fetchValue("SELECT value FROM access_generation WHERE id = 1", as: Int64.self)
      ?? 0
  }

  /// The recipient's break-glass grants as they stand at `instant`, read in one statement:
  /// who holds a live one, and when that changes by time alone.
  public func breakGlass(of recipient: RecipientID, at instant: Date) throws -> BreakGlassWindow {
    let now = Timestamp.format(instant)
    var holders: Set<StaffID> = []
    var next: String?
    for row in try connection.fetchAll(
      """
      SELECT staff_id, granted_at, expires_at FROM break_glass_grants
      WHERE recipient_id = \(recipient.rawValue) AND expires_at > \(now)
      """)
    {
      let (granted, expires): (String, String) = (try row["granted_at"], try row["expires_at"])
      if granted <= now { holders.insert(StaffID(rawValue: try row["staff_id"])) }
      let change = granted > now ? granted : expires
      next = min(next ?? change, change)
    }
    return BreakGlassWindow(
      holders: holders,
      nextChange: try next.map {
        try StoreError.parsed(
          $0, "granted_at or expires_at", table: "break_glass_grants", id: recipient.rawValue,
          Timestamp.parse)
      })
  }

  /// The tables whose every insert, update and delete increases the access generation.
  public func tablesCoveredByAccessGeneration() throws -> Set<String> {
    let triggers = try connection.fetchAll(
      """
      SELECT tbl_name, sql FROM sqlite_master
      WHERE type = 'trigger' AND sql LIKE '%UPDATE access_generation SET value = value + 1%'
      """)
    var events: [String: Set<String>] = [:]
    for trigger in triggers {
      let table: String = try trigger["tbl_name"]
      let sql: String = try trigger["sql"]
      for event in ["INSERT", "UPDATE", "DELETE"] where sql.contains("AFTER \(event) ON") {
        events[table, default: []].insert(event)
      }
    }
    return Set(events.filter { $0.value.count == 3 }.keys)
  }
}
