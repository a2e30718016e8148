import Foundation
import SamhandCore
import SamhandCrypto

/// The counts reports are made of (L30–L32), over the whole municipality and one calendar
/// year: the service cuts them to what was asked for and suppresses small ones. Every query
/// counts; none returns a recipient id. Services are the registering service of the
/// recipient, for handovers the sending service.
extension StoreTransaction {
  /// Per indicator, counts by service and month of `year`: states at each month's end (Oslo
  /// time), events within each month. Each row is read once and given the number of the month
  /// its times fall in (`monthOf`), and rows are counted per service and month numbers: a span
  /// counts at the ends of the months from its start's month up to, not including, its end's
  /// month. One read of the plans gives the active plans, the plans activated and those
  /// closed; one read of the meetings both the meetings held and those due.
  public func indicatorTallies(year: Int) throws -> [IndicatorMeasure: [ReportTally]] {
    try withReportPageCache { try indicatorCounts(year: year) }
  }

  private func indicatorCounts(year: Int) throws -> [IndicatorMeasure: [ReportTally]] {
    let ends = Self.monthEnds(year)
    var counts = IndicatorCounts()
    for (measure, spans) in [
      (IndicatorMeasure.registered, Self.registrations), (.activeGroup, Self.groupSpans),
    ] {
      for row in try spanMonths(spans, ends: ends) {
        counts.add(measure, try row["service"], from: try row["s"], to: try row["e"], try row["n"])
      }
    }
    for row in try spanMonths(Self.planSpans, ends: ends) {
      let (service, activated, closed, count): (String, Int, Int, Int) =
        (try row["service"], try row["s"], try row["e"], try row["n"])
      counts.add(.activePlan, service, from: activated, to: closed, count)
      counts.add(.plansActivated, service, from: activated, to: activated + 1, count)
      counts.add(.plansClosed, service, from: closed, to: closed + 1, count)
    }
    for row in try eventMonths(Self.revisions, ends: ends) {
      let (service, month, count, onTime): (String, Int, Int, Bool) =
        (try row["service"], try row["month"], try row["n"], try row["flag"])
      counts.add(
        onTime ? .revisionsOnTime : .revisionsLate, service, from: month, to: month + 1, count)
    }
    for row in try eventMonths(Self.meetings, ends: ends) {
      let (service, month, count): (String, Int, Int) =
        (try row["service"], try row["month"], try row["n"])
      counts.add(.meetingsDue, service, from: month, to: month + 1, count)
      if try row["flag"] as Bool {
        counts.add(.meetingsHeld, service, from: month, to: month + 1, count)
      }
    }
    return counts.tallies(coordinators: try coordinatorTallies(ends: ends))
  }

  /// Spans counted per service, start month and end month.
  private func spanMonths(_ spans: StoreSQL, ends: [String]) throws -> [StoreRow] {
    try connection.fetchAll(
      """
      SELECT service, s, e, COUNT(*) AS n FROM (
        SELECT spans.service AS service, \(Self.monthOf("spans.start_at", ends: ends)) AS s,
          \(Self.monthOf("spans.end_at", ends: ends)) AS e
        FROM (\(spans)) AS spans) AS months
      WHERE s <= 12 OR e <= 12 GROUP BY service, s, e
      """)
  }

  /// Events counted per service, month and flag.
  private func eventMonths(_ events: StoreSQL, ends: [String]) throws -> [StoreRow] {
    try connection.fetchAll(
      """
      SELECT service, month, flag, COUNT(*) AS n FROM (
        SELECT events.service AS service, \(Self.monthOf("events.at", ends: ends)) AS month,
          events.flag AS flag
        FROM (\(events)) AS events) AS months
      WHERE month BETWEEN 1 AND 12 GROUP BY service, month, flag
      """)
  }

  /// Recipients with a coordinator at each month's end. One recipient can have two at once
  /// (two plans not closed, each with a coordinator), so each span is read as the set of
  /// month ends it covers, a bit per month, and the sets are joined per recipient before
  /// they are counted: one read of the spans, no sorting or grouping by recipient.
  private func coordinatorTallies(ends: [String]) throws -> [ReportTally] {
    var covered: [String: (service: String, months: Int)] = [:]
    for row in try connection.fetchAll(
      """
      SELECT spans.recipient AS recipient, spans.service AS service,
        \(Self.monthOf("spans.start_at", ends: ends)) AS s,
        \(Self.monthOf("spans.end_at", ends: ends)) AS e
      FROM (\(Self.coordinatorSpans)) AS spans
      """)
    {
      let (recipient, service, start, end): (String, String, Int, Int) =
        (try row["recipient"], try row["service"], try row["s"], try row["e"])
      guard start <= 12 else { continue }
      let (from, to) = (max(start, 1), min(end, 13))
      covered[recipient, default: (service, 0)].months |= from < to ? (1 << to) - (1 << from) : 0
    }
    var counts: [String: [Int]] = [:]
    for (service, months) in covered.values {
      var row = counts[service] ?? Array(repeating: 0, count: 13)
      for month in 1...12 { row[month] += (months >> month) & 1 }
      counts[service] = row
    }
    return counts.flatMap { service, months in
      (1...12).map { ReportTally(service: service, month: $0, count: months[$0]) }
    }
  }

  /// The start of `year` (Oslo time), then the end of each of its months, in the database's
  /// timestamp form.
  static func monthEnds(_ year: Int) -> [String] {
    (0...12).map { index in
      let (y, m) = index == 12 ? (year + 1, 1) : (year, index + 1)
      return Timestamp.format(CalendarDate(year: y, month: m, day: 1)!.start)
    }
  }

  /// `CASE WHEN column < start of the year THEN 0 WHEN column < end of January THEN 1 … ELSE
  /// 13 END`: 0 before the year, else the first month whose end is after the time in
  /// `column`, 13 for none (NULL) or after the year. A date (YYYY-MM-DD) sorts into the right
  /// month against the timestamps too.
  static func monthOf(_ column: String, ends: [String]) -> StoreSQL {
    let cases = (0...12).map { month -> StoreSQL in
      "WHEN \(sql: column) < \(ends[month]) THEN \(month)"
    }.joined(separator: " ")
    return "CASE \(cases) ELSE 13 END"
  }

  /// Spans are rows of `recipient`, `service`, `start_at` and `end_at`.
  static let registrations: StoreSQL = """
    SELECT id AS recipient, registered_by_service AS service, created_at AS start_at,
      NULL AS end_at FROM recipients
    """

  /// Per plan: from its first activation to its closing (either may be missing), as kept in
  /// `report_plan_facts` (migration 0021) when plans and their versions are written.
  static let planSpans: StoreSQL = """
    SELECT recipient_id AS recipient, service, activated_at AS start_at, closed_at AS end_at
    FROM report_plan_facts
    """

  /// Per coordinator of a plan: until they step down or the plan is closed.
  static let coordinatorSpans: StoreSQL = """
    SELECT f.recipient_id AS recipient, f.service AS service, c.started_at AS start_at,
      CASE WHEN f.closed_at IS NULL THEN c.ended_at WHEN c.ended_at IS NULL THEN f.closed_at
        WHEN c.ended_at < f.closed_at THEN c.ended_at ELSE f.closed_at END AS end_at
    FROM plan_coordinators c JOIN report_plan_facts f ON f.plan_id = c.plan_id
    """

  static let groupSpans: StoreSQL = """
    SELECT g.recipient_id AS recipient, r.registered_by_service AS service,
      g.created_at AS start_at, g.closed_at AS end_at
    FROM groups g JOIN recipients r ON r.id = g.recipient_id
    """

  /// Events are rows of `service`, `at` and `flag`. Revisions, flagged when on time: made on
  /// or before the date the previous version set.
  static let revisions: StoreSQL = """
    SELECT service, revised_on AS at, (due IS NULL OR revised_on <= due) AS flag FROM (
      SELECT r.registered_by_service AS service, pr.revised_on AS revised_on,
        (SELECT v.next_revision FROM plan_versions v
          WHERE v.plan_id = pr.plan_id AND v.version < pr.plan_version
          ORDER BY v.version DESC LIMIT 1) AS due
      FROM plan_revisions pr JOIN plans p ON p.id = pr.plan_id
        JOIN recipients r ON r.id = p.recipient_id) AS revisions
    """

  /// Group meetings by their planned time, flagged when held (minutes recorded), as kept in
  /// `report_meeting_facts` (migration 0021) when meetings and minutes are written.
  static let meetings: StoreSQL = """
    SELECT service, planned_at AS at, held AS flag FROM report_meeting_facts
    """
}

/// The indicator counts per measure, service and month (1–12) as the queries add them up.
private struct IndicatorCounts {
  private var counts: [IndicatorMeasure: [String: [Int]]] = [:]

  /// Adds `count` to each month from `from` up to, not including, `to`, within 1–12.
  mutating func add(
    _ measure: IndicatorMeasure, _ service: String, from: Int, to: Int, _ count: Int
  ) {
    let months = max(from, 1)..<max(min(to, 13), max(from, 1))
    for month in months {
      counts[measure, default: [:]][service, default: Array(repeating: 0, count: 13)][month] +=
        count
    }
  }

  /// Every measure's tallies, the coordinators' as counted apart.
  func tallies(coordinators: [ReportTally]) -> [IndicatorMeasure: [ReportTally]] {
    var tallies: [IndicatorMeasure: [ReportTally]] = [.coordinator: coordinators]
    for measure in IndicatorMeasure.allCases where measure != .coordinator {
      tallies[measure] = (counts[measure] ?? [:]).flatMap { service, months in
        (1...12).map { ReportTally(service: service, month: $0, count: months[$0]) }
      }
    }
    return tallies
  }
}
