import Foundation
import SamhandCore

/// The agenda's questions, one indexed query per kind, each starting from the staff member
/// (their coordinatorships, group memberships, assignments, responsibilities and handovers) so the cost follows the size
/// of their work, not of the municipality. They return candidates: the gate still decides,
/// recipient by recipient, what the staff member may see.
extension StoreTransaction {
  /// Every candidate item of `staff`'s agenda on `today`, in no particular order.
  public func agendaCandidates(
    of staff: StaffID, on today: CalendarDate, window: AgendaWindow = .standard,
    visible: RecipientNarrowing
  ) throws -> [AgendaItem] {
    let parameters = AgendaParameters(staff, today, window)
    return try AgendaItem.Kind.allCases.flatMap { kind in
      let query: StoreSQL = """
        SELECT * FROM (\(Self.agendaSQL(kind, parameters, connection.dialect))) AS candidate
        WHERE \(visible.sql(recipient: "candidate.recipient_id", category: kind.category))
        """
      return try connection.fetchAll(query).compactMap { row in
        try Self.agendaItem(kind, row, today: today, window: window)
      }
    }
  }

  /// The warnings left for `leader` about deactivated accounts that still hold responsibility
  /// or still have a handover not yet accepted, on either side; oldest first. A warning goes
  /// from the agenda once what it warned about is resolved.
  public func openStaffWarnings(for leader: StaffID) throws -> [String] {
    try connection.fetchValues(Self.openStaffWarningsSQL(leader), as: String.self)
  }

  private static func openStaffWarningsSQL(_ leader: StaffID) -> StoreSQL {
    """
    SELECT w.message FROM staff_warnings w
    WHERE w.leader_id = \(leader.rawValue) AND (
      EXISTS (
        SELECT 1 FROM responsibilities r WHERE r.staff_id = w.about_staff AND r.ended_at IS NULL)
      OR EXISTS (
        SELECT 1 FROM handovers h
        WHERE h.from_staff = w.about_staff AND h.state IN ('draft', 'proposed'))
      OR EXISTS (
        SELECT 1 FROM handovers h WHERE h.to_staff = w.about_staff AND h.state = 'proposed'))
    ORDER BY w.rowid
    """
  }

  /// SQLite's plan for each agenda query, one line per step, so that a test or a benchmark
  /// can prove that every one uses indexes and none scans a table.
  public func agendaQueryPlans(
    of staff: StaffID, on today: CalendarDate, window: AgendaWindow = .standard
  ) throws -> [AgendaItem.Kind: [String]] {
    let parameters = AgendaParameters(staff, today, window)
    var plans: [AgendaItem.Kind: [String]] = [:]
    for kind in AgendaItem.Kind.allCases {
      plans[kind] = try queryPlan(Self.agendaSQL(kind, parameters, connection.dialect))
    }
    return plans
  }

  /// SQLite's plan for `openStaffWarnings(for:)`, one line per step.
  public func openStaffWarningsQueryPlan(for leader: StaffID) throws -> [String] {
    try queryPlan(Self.openStaffWarningsSQL(leader))
  }

  /// SQLite's plan for `query` (`EXPLAIN QUERY PLAN`, SQLite's own statement), one line per step.
  private func queryPlan(_ query: StoreSQL) throws -> [String] {
    try connection.fetchAll("EXPLAIN QUERY PLAN \(query)").map { try $0["detail"] }
  }

  /// The values the agenda's queries compare with, each bound where the query names it.
  private struct AgendaParameters {
    let staff: String
    let today: String
    let dueHorizon: String
    let consentHorizon: String
    let turning18Horizon: String
    let dayStart: String

    init(_ staff: StaffID, _ today: CalendarDate, _ window: AgendaWindow) {
      self.staff = staff.rawValue
      self.today = today.description
      dueHorizon = window.dueHorizon(from: today).description
      consentHorizon = window.consentHorizon(from: today).description
      turning18Horizon = today.adding(months: AgendaItem.turning18NoticeMonths).description
      dayStart = Timestamp.format(today.start)
    }
  }

  private static func agendaItem(
    _ kind: AgendaItem.Kind, _ row: StoreRow, today: CalendarDate, window: AgendaWindow
  ) throws -> AgendaItem? {
    let subject: String = try row["subject_id"]
    let recipient = RecipientID(rawValue: try row["recipient_id"])
    func date(_ column: String) throws -> CalendarDate? {
      guard let text = try row[column] as String? else { return nil }
      if let date = try? CalendarDate(parsing: text) { return date }
      if let instant = Timestamp.parse(text) { return CalendarDate(instant) }
      throw StoreError.corruptRow(table: kind.subjectKind, id: subject, reason: "bad date")
    }
    guard let due = try date("due") else {
      throw StoreError.corruptRow(table: kind.subjectKind, id: subject, reason: "no date")
    }
    switch kind {
    case .planRevision, .actionItem:
      return .dated(
        kind, recipient: recipient, subject: subject, due: due, today: today, window: window)
    case .consentEnding:
      return .consentEnding(
        ConsentID(rawValue: subject), recipient: recipient, validUntil: due, today: today,
        window: window)
    case .groupMeeting:
      let schedule = MeetingSchedule(
        startedOn: due, intervalMonths: try row["interval_months"],
        lastHeld: try date("last_held"),
        nextPlanned: try date("next_planned"))
      return .groupMeeting(
        GroupID(rawValue: subject), recipient: recipient, schedule: schedule, today: today,
        window: window)
    case .handoverAwaiting, .handoverOutgoing, .handoverChecklist:
      return .handover(kind, recipient: recipient, subject: subject, planned: due, today: today)
    case .turning18:
      return .turning18(recipient, on: due, today: today)
    }
  }

  /// Each query selects the subject id, the recipient id and a date first.
  private static func agendaSQL(
    _ kind: AgendaItem.Kind, _ bound: AgendaParameters, _ dialect: SQLDialect
  ) -> StoreSQL {
    switch kind {
    case .planRevision:
      // Active plans the staff member coordinates, with their newest version's next revision.
      return """
        SELECT p.id AS subject_id, p.recipient_id, v.next_revision AS due
        FROM plan_coordinators c
        JOIN plans p ON p.id = c.plan_id
        JOIN plan_versions v ON v.plan_id = p.id AND v.version = p.version
        WHERE c.staff_id = \(bound.staff) AND c.ended_at IS NULL AND p.status = 'active'
          AND v.next_revision <= \(bound.dueHorizon)
        """
    case .groupMeeting:
      // Active groups they belong to or lead (as their plan's coordinator), with the last
      // meeting that has minutes and the first one without, planned from today on.
      return """
        SELECT g.id AS subject_id, g.recipient_id, g.created_at AS due,
          g.meeting_interval_months AS interval_months,
          (SELECT max(m.planned_at) FROM meetings m WHERE m.group_id = g.id
            AND EXISTS (SELECT 1 FROM meeting_minutes n WHERE n.meeting_id = m.id)) AS last_held,
          (SELECT min(m.planned_at) FROM meetings m
            WHERE m.group_id = g.id AND m.planned_at >= \(bound.dayStart)
            AND NOT EXISTS (SELECT 1 FROM meeting_minutes n WHERE n.meeting_id = m.id))
            AS next_planned
        FROM groups g
        WHERE g.status = 'active' AND g.id IN (
          SELECT group_id FROM group_members WHERE staff_id = \(bound.staff) AND ended_at IS NULL
          UNION
          SELECT led.id FROM plan_coordinators c JOIN groups led ON led.plan_id = c.plan_id
          WHERE c.staff_id = \(bound.staff) AND c.ended_at IS NULL)
        """
    case .consentEnding:
      // Live consents ending soon of recipients whose open plan they coordinate or to whom
      // they are assigned, unless a later live consent covering at least as much takes over
      // without a gap (the consent was renewed).
      return """
        SELECT c.id AS subject_id, c.recipient_id, c.valid_until AS due
        FROM consents c
        WHERE c.recipient_id IN (
            SELECT p.recipient_id FROM plan_coordinators pc JOIN plans p ON p.id = pc.plan_id
            WHERE pc.staff_id = \(bound.staff) AND pc.ended_at IS NULL AND p.status != 'closed'
            UNION
            SELECT recipient_id FROM assignments WHERE staff_id = \(bound.staff) AND ended_at IS NULL)
          AND c.withdrawn_at IS NULL AND c.valid_until BETWEEN \(bound.today) AND \(bound.consentHorizon)
          AND NOT EXISTS (
            SELECT 1 FROM consents n
            WHERE n.recipient_id = c.recipient_id AND n.id != c.id AND n.withdrawn_at IS NULL
              AND n.valid_from <= \(dayAfter("c.valid_until", dialect))
              AND (n.valid_until IS NULL OR n.valid_until > c.valid_until)
              AND NOT EXISTS (
                SELECT service_code FROM consent_services WHERE consent_id = c.id
                EXCEPT SELECT service_code FROM consent_services WHERE consent_id = n.id)
              AND NOT EXISTS (
                SELECT staff_id FROM consent_staff WHERE consent_id = c.id
                EXCEPT SELECT staff_id FROM consent_staff WHERE consent_id = n.id)
              AND NOT EXISTS (
                SELECT category FROM consent_categories WHERE consent_id = c.id
                EXCEPT SELECT category FROM consent_categories WHERE consent_id = n.id))
        """
    case .actionItem:
      // Open action items they own as a current member of an active group.
      return """
        SELECT ai.id AS subject_id, g.recipient_id, ai.due_date AS due
        FROM group_members gm
        JOIN meeting_action_items ai ON ai.owner_member_id = gm.id
        JOIN meetings m ON m.id = ai.meeting_id
        JOIN groups g ON g.id = m.group_id
        WHERE gm.staff_id = \(bound.staff) AND gm.ended_at IS NULL AND ai.completed_at IS NULL
          AND ai.due_date <= \(bound.dueHorizon) AND g.status = 'active'
        """
    case .handoverAwaiting:
      // Proposed handovers named to them, or to one of their services with no one named.
      return """
        SELECT h.id AS subject_id, h.recipient_id, h.planned_date AS due FROM handovers h
        WHERE h.to_staff = \(bound.staff) AND h.state = 'proposed'
        UNION
        SELECT h.id, h.recipient_id, h.planned_date
        FROM staff_services s JOIN handovers h ON h.to_service = s.service_code
        WHERE s.staff_id = \(bound.staff) AND h.state = 'proposed' AND h.to_staff IS NULL
        """
    case .handoverOutgoing:
      // Their own handovers, drafted or proposed, not yet accepted.
      return """
        SELECT h.id AS subject_id, h.recipient_id, h.planned_date AS due FROM handovers h
        WHERE h.from_staff = \(bound.staff) AND h.state IN ('draft', 'proposed')
        """
    case .handoverChecklist:
      // Open checklist items of handovers they send or receive, proposed or accepted.
      return """
        SELECT h.id || '/' || i.key AS subject_id, h.recipient_id, h.planned_date AS due
        FROM handovers h
        JOIN handover_checklist_items i ON i.handover_id = h.id AND i.done_at IS NULL
        WHERE h.id IN (
          SELECT id FROM handovers
          WHERE from_staff = \(bound.staff) AND state IN ('proposed', 'accepted')
          UNION
          SELECT id FROM handovers WHERE to_staff = \(bound.staff) AND state IN ('proposed', 'accepted')
          UNION
          SELECT t.id FROM staff_services s JOIN handovers t ON t.to_service = s.service_code
          WHERE s.staff_id = \(bound.staff) AND t.state IN ('proposed', 'accepted')
            AND t.to_staff IS NULL)
        """
    case .turning18:
      // Minors they hold responsibility for or coordinate an open plan of, turning 18 within
      // the notice, unless adult services have accepted a turning-18 handover.
      return """
        SELECT r.id AS subject_id, r.id AS recipient_id, r.turns_18_on AS due FROM recipients r
        WHERE r.id IN (
            SELECT recipient_id FROM responsibilities WHERE staff_id = \(bound.staff) AND ended_at IS NULL
            UNION
            SELECT p.recipient_id FROM plan_coordinators pc JOIN plans p ON p.id = pc.plan_id
            WHERE pc.staff_id = \(bound.staff) AND pc.ended_at IS NULL AND p.status != 'closed')
          AND r.turns_18_on <= \(bound.turning18Horizon)
          AND NOT EXISTS (
            SELECT 1 FROM handovers h
            WHERE h.recipient_id = r.id AND h.kind = 'turning-18'
              AND h.state IN ('accepted', 'completed'))
        """
    }
  }

  /// The day after the `YYYY-MM-DD` text in `column`, as the same text.
  private static func dayAfter(_ column: String, _ dialect: SQLDialect) -> StoreSQL {
    switch dialect {
    case .sqlite: "date(\(sql: column), '+1 day')"
    case .postgres: "to_char(CAST(\(sql: column) AS date) + 1, 'YYYY-MM-DD')"
    }
  }
}
