import Foundation
import GRDB
import SamhandCore
import SamhandCrypto

/// The counts reports are made of (L30–L32), over the whole municipality and one calendar
/// year: the service cuts them to what was asked for and suppresses small ones. Every query
/// counts; none returns a recipient id. Services are the registering service of the
/// recipient, for handovers the sending service.
extension StoreTransaction {
  /// Per indicator, counts by service and month of `year`: states at each month's end (Oslo
  /// time), events within each month.
  public func indicatorTallies(year: Int) throws -> [IndicatorMeasure: [ReportTally]] {
    let bounds = Self.monthBounds(year)
    var tallies: [IndicatorMeasure: [ReportTally]] = [:]
    for measure in IndicatorMeasure.allCases {
      tallies[measure] =
        measure.isState
        ? try stateTallies(
          Self.spans(measure), distinct: measure == .coordinator, bounds: bounds)
        : try eventTallies(Self.events(measure), bounds: bounds)
    }
    return tallies
  }

  /// Recipients whose span covers each month's end. Only `distinct` spans can overlap for one
  /// recipient (two plans not closed, each with a coordinator); a recipient has one active
  /// plan and one active group at a time, and counting rows is much cheaper.
  private func stateTallies(_ spans: SQL, distinct: Bool, bounds: SQL) throws -> [ReportTally] {
    try rows(
      """
      WITH bounds(month, starts, ends) AS (VALUES \(bounds))
      SELECT bounds.month AS month, spans.service AS service,
        COUNT(\(sql: distinct ? "DISTINCT spans.recipient" : "*")) AS n
      FROM bounds JOIN (\(spans)) AS spans
        ON spans.start_at < bounds.ends AND (spans.end_at IS NULL OR spans.end_at >= bounds.ends)
      GROUP BY bounds.month, spans.service
      """
    ).map(Self.tally)
  }

  /// Events whose time falls within each month.
  private func eventTallies(_ events: SQL, bounds: SQL) throws -> [ReportTally] {
    try rows(
      """
      WITH bounds(month, starts, ends) AS (VALUES \(bounds))
      SELECT bounds.month AS month, events.service AS service, COUNT(*) AS n
      FROM bounds JOIN (\(events)) AS events
        ON events.at >= bounds.starts AND events.at < bounds.ends
      GROUP BY bounds.month, events.service
      """
    ).map(Self.tally)
  }

  private static func tally(_ row: Row) -> ReportTally {
    ReportTally(service: row["service"], month: row["month"], count: row["n"])
  }

  /// The rows `(1, start of January, start of February), …` in the database's timestamp form.
  static func monthBounds(_ year: Int) -> SQL {
    let starts = (0...12).map { index in
      let (y, m) = index == 12 ? (year + 1, 1) : (year, index + 1)
      return Timestamp.format(CalendarDate(year: y, month: m, day: 1)!.start)
    }
    return (1...12).map { month -> SQL in "(\(month), \(starts[month - 1]), \(starts[month]))" }
      .joined(separator: ", ")
  }

  /// For a state: per recipient and span, `recipient`, `service`, `start_at`, `end_at`.
  static func spans(_ measure: IndicatorMeasure) -> SQL {
    switch measure {
    case .registered:
      return """
        SELECT id AS recipient, registered_by_service AS service, created_at AS start_at,
          NULL AS end_at FROM recipients
        """
    case .activePlan:
      return """
        SELECT p.recipient_id AS recipient, r.registered_by_service AS service,
          MIN(CASE WHEN v.status = 'active' THEN v.changed_at END) AS start_at,
          MIN(CASE WHEN v.status = 'closed' THEN v.changed_at END) AS end_at
        FROM plans p JOIN recipients r ON r.id = p.recipient_id
          JOIN plan_versions v ON v.plan_id = p.id
        GROUP BY p.id
        """
    case .coordinator:
      return """
        SELECT p.recipient_id AS recipient, r.registered_by_service AS service,
          c.started_at AS start_at,
          CASE WHEN closed.at IS NULL THEN c.ended_at WHEN c.ended_at IS NULL THEN closed.at
            ELSE MIN(c.ended_at, closed.at) END AS end_at
        FROM plan_coordinators c JOIN plans p ON p.id = c.plan_id
          JOIN recipients r ON r.id = p.recipient_id
          LEFT JOIN (SELECT plan_id, MIN(changed_at) AS at FROM plan_versions
            WHERE status = 'closed' GROUP BY plan_id) AS closed ON closed.plan_id = p.id
        """
    default:
      return """
        SELECT g.recipient_id AS recipient, r.registered_by_service AS service,
          g.created_at AS start_at, g.closed_at AS end_at
        FROM groups g JOIN recipients r ON r.id = g.recipient_id
        """
    }
  }

  /// For events: per event, `service` and `at` (a timestamp).
  static func events(_ measure: IndicatorMeasure) -> SQL {
    switch measure {
    case .plansActivated, .plansClosed:
      let status = measure == .plansActivated ? "active" : "closed"
      return """
        SELECT r.registered_by_service AS service, MIN(v.changed_at) AS at
        FROM plan_versions v JOIN plans p ON p.id = v.plan_id
          JOIN recipients r ON r.id = p.recipient_id
        WHERE v.status = \(status) GROUP BY v.plan_id
        """
    case .revisionsOnTime, .revisionsLate:
      // On time: made on or before the date the previous version set. A date (YYYY-MM-DD)
      // sorts into the right month against the bounds' timestamps.
      let onTime = measure == .revisionsOnTime
      return """
        SELECT service, at FROM (
          SELECT r.registered_by_service AS service, pr.revised_on AS revised_on,
            pr.revised_on AS at,
            (SELECT v.next_revision FROM plan_versions v
              WHERE v.plan_id = pr.plan_id AND v.version < pr.plan_version
              ORDER BY v.version DESC LIMIT 1) AS due
          FROM plan_revisions pr JOIN plans p ON p.id = pr.plan_id
            JOIN recipients r ON r.id = p.recipient_id)
        WHERE (due IS NULL OR revised_on <= due) = \(onTime)
        """
    default:
      let held = measure == .meetingsHeld
      return """
        SELECT r.registered_by_service AS service, m.planned_at AS at
        FROM meetings m JOIN groups g ON g.id = m.group_id
          JOIN recipients r ON r.id = g.recipient_id
        WHERE \(held) = 0 OR EXISTS (SELECT 1 FROM meeting_minutes n WHERE n.meeting_id = m.id)
        """
    }
  }
}
