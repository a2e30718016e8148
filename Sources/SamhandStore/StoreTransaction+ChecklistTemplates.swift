import Foundation
import SamhandCore

/// The municipality's checklist per handover kind, and the leaders' warnings about accounts
/// deactivated with open responsibilities. Neither holds recipient data.
extension StoreTransaction {
  /// The checklist in force for `kind`: the newest version set, else the built-in default.
  public func checklistTemplate(_ kind: HandoverKind) throws -> [ChecklistItem] {
    let rows = try connection.fetchAll(
      """
      SELECT key, label FROM checklist_templates
      WHERE kind = \(kind.rawValue)
        AND version = (SELECT MAX(version) FROM checklist_templates WHERE kind = \(kind.rawValue))
      ORDER BY position
      """)
    guard !rows.isEmpty else { return kind.defaultChecklist }
    return try rows.map { ChecklistItem(key: try $0["key"], label: try $0["label"]) }
  }

  /// Sets a new version of the kind's checklist; earlier versions stay.
  public func setChecklistTemplate(_ kind: HandoverKind, items: [ChecklistItem], by osUser: String)
    throws
  {
    let version =
      (try connection.fetchValue(
        "SELECT MAX(version) FROM checklist_templates WHERE kind = \(kind.rawValue)", as: Int.self)
        ?? 0) + 1
    for (position, item) in items.enumerated() {
      try connection.execute(
        """
        INSERT INTO checklist_templates (kind, version, position, key, label, set_by, set_at)
        VALUES (\(kind.rawValue), \(version), \(position + 1), \(item.key), \(item.label),
          \(osUser), \(nowText))
        """)
    }
  }

  /// Leaves a warning for a leader about a deactivated account.
  public func insertStaffWarning(for leader: StaffID, about staff: StaffID, message: String)
    throws
  {
    try connection.execute(
      """
      INSERT INTO staff_warnings (leader_id, about_staff, message, created_at)
      VALUES (\(leader.rawValue), \(staff.rawValue), \(message), \(nowText))
      """)
  }

  /// The warnings left for a leader, oldest first.
  public func staffWarnings(for leader: StaffID) throws -> [String] {
    try connection.fetchValues(
      "SELECT message FROM staff_warnings WHERE leader_id = \(leader.rawValue) ORDER BY rowid",
      as: String.self)
  }

  /// Active staff with the leader role in any of `services`.
  public func leaders(of services: [ServiceCode]) throws -> [StaffID] {
    guard !services.isEmpty else { return [] }
    return try connection.fetchValues(
      """
      SELECT DISTINCT s.id FROM staff s
      JOIN staff_services v ON v.staff_id = s.id JOIN staff_roles r ON r.staff_id = s.id
      WHERE s.active = 1 AND r.role = 'leader' AND v.service_code IN \(services.map(\.rawValue))
      ORDER BY s.id
      """, as: String.self
    ).map(StaffID.init(rawValue:))
  }
}
