import Foundation
import GRDB
import SamhandCore

/// The municipality's checklist per handover kind, and the leaders' warnings about accounts
/// deactivated with open responsibilities. Neither holds recipient data.
extension StoreTransaction {
  /// The checklist in force for `kind`: the newest version set, else the built-in default.
  public func checklistTemplate(_ kind: HandoverKind) throws -> [ChecklistItem] {
    let rows = try Row.fetchAll(
      db.cachedStatement(
        sql: """
          SELECT key, label FROM checklist_templates
          WHERE kind = ? AND version = (SELECT MAX(version) FROM checklist_templates WHERE kind = ?)
          ORDER BY position
          """), arguments: [kind.rawValue, kind.rawValue])
    guard !rows.isEmpty else { return kind.defaultChecklist }
    return rows.map { ChecklistItem(key: $0["key"], label: $0["label"]) }
  }

  /// Sets a new version of the kind's checklist; earlier versions stay.
  public func setChecklistTemplate(_ kind: HandoverKind, items: [ChecklistItem], by osUser: String)
    throws
  {
    let version =
      (try Int.fetchOne(
        db.cachedStatement(sql: "SELECT MAX(version) FROM checklist_templates WHERE kind = ?"),
        arguments: [kind.rawValue]) ?? 0) + 1
    for (position, item) in items.enumerated() {
      try db.cachedStatement(
        sql: """
          INSERT INTO checklist_templates (kind, version, position, key, label, set_by, set_at)
          VALUES (?, ?, ?, ?, ?, ?, ?)
          """
      ).execute(
        arguments: [kind.rawValue, version, position + 1, item.key, item.label, osUser, nowText])
    }
  }

  /// Leaves a warning for a leader about a deactivated account.
  public func insertStaffWarning(for leader: StaffID, about staff: StaffID, message: String)
    throws
  {
    try db.cachedStatement(
      sql: """
        INSERT INTO staff_warnings (leader_id, about_staff, message, created_at)
        VALUES (?, ?, ?, ?)
        """
    ).execute(arguments: [leader.rawValue, staff.rawValue, message, nowText])
  }

  /// The warnings left for a leader, oldest first.
  public func staffWarnings(for leader: StaffID) throws -> [String] {
    try String.fetchAll(
      db.cachedStatement(
        sql: "SELECT message FROM staff_warnings WHERE leader_id = ? ORDER BY rowid"),
      arguments: [leader.rawValue])
  }

  /// Active staff with the leader role in any of `services`.
  public func leaders(of services: [ServiceCode]) throws -> [StaffID] {
    guard !services.isEmpty else { return [] }
    let placeholders = services.map { _ in "?" }.joined(separator: ", ")
    return try String.fetchAll(
      db,
      sql: """
        SELECT DISTINCT s.id FROM staff s
        JOIN staff_services v ON v.staff_id = s.id JOIN staff_roles r ON r.staff_id = s.id
        WHERE s.active = 1 AND r.role = 'leader' AND v.service_code IN (\(placeholders)) ORDER BY s.id
        """, arguments: StatementArguments(services.map(\.rawValue))
    ).map(StaffID.init(rawValue:))
  }
}
