import Foundation
import SamhandCore
import SamhandCrypto

/// The handover and life-domain facts reports count, without the recipient or staff ids.
extension StoreTransaction {
  /// Every handover proposed in `year`, by sending service, with the day it was accepted.
  public func handoverFacts(year: Int) throws -> [HandoverReport.Fact] {
    try withReportPageCache { try handoverRows(year: year) }
  }

  private func handoverRows(year: Int) throws -> [HandoverReport.Fact] {
    let (first, last): (String, String) = ("\(year)-01-01", "\(year)-12-31")
    return try connection.fetchAll(
      """
      SELECT h.id AS id, h.from_service AS service, h.proposed_on AS proposed_on,
        h.planned_date AS planned_date, h.kind AS kind, h.mode AS mode, h.state AS state,
        h.rejection_category AS rejection_category,
        (SELECT MIN(e.at) FROM handover_events e
          WHERE e.handover_id = h.id AND e.to_state = 'accepted') AS accepted_at
      FROM handovers h
      WHERE h.proposed_on >= \(first) AND h.proposed_on <= \(last)
      """
    ).map { row in
      let id: String = try row["id"]
      func corrupt(_ reason: String) -> StoreError {
        .corruptRow(table: "handovers", id: id, reason: reason)
      }
      guard let proposedOn = try Self.date(try row["proposed_on"], id: id),
        let plannedDate = try Self.date(try row["planned_date"], id: id),
        let kind = HandoverKind(rawValue: try row["kind"]),
        let mode = HandoverMode(rawValue: try row["mode"]),
        let state = HandoverState(rawValue: try row["state"])
      else { throw corrupt("bad value") }
      let acceptedAt: String? = try row["accepted_at"]
      let accepted = try acceptedAt.map { text in
        guard let instant = Timestamp.parse(text) else { throw corrupt("bad acceptance time") }
        return CalendarDate(instant)
      }
      return HandoverReport.Fact(
        service: try row["service"], proposedOn: proposedOn, plannedDate: plannedDate,
        kind: kind, mode: mode, state: state,
        rejectionCategory: try Self.rejectionCategory(try row["rejection_category"], id: id),
        acceptedOn: accepted)
    }
  }

  /// Per registering service, the recipients without a holder of responsibility now, or
  /// with a moment between one holder's end and the next one's start (invariant 6 says none).
  public func holderlessRecipients() throws -> [String: Int] {
    let counts = try withReportPageCache {
      try connection.fetchAll(
        """
        SELECT r.registered_by_service AS service, COUNT(*) AS n FROM recipients r
        WHERE NOT EXISTS (SELECT 1 FROM responsibilities s
            WHERE s.recipient_id = r.id AND s.ended_at IS NULL)
          OR EXISTS (SELECT 1 FROM responsibilities a
            WHERE a.recipient_id = r.id AND a.ended_at IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM responsibilities b
                WHERE b.recipient_id = r.id AND b.since = a.ended_at))
        GROUP BY r.registered_by_service
        """)
    }.map { row -> (String, Int) in (try row["service"], try row["n"]) }
    return Dictionary(counts, uniquingKeysWith: +)
  }

  /// Every life-domain score mapped on or before `day`, opened with its recipient's data key;
  /// an erased recipient's scores are left out. Recipients are told apart by a number that
  /// means nothing outside this answer. The rows are read and the data keys unwrapped in one
  /// pass, then the scores opened on every core; the plaintext stays in memory.
  public func lifeDomainObservations(through day: CalendarDate) throws
    -> [LifeDomainReport.Observation]
  {
    var sealed: [SealedScore] = []
    var current: (recipient: String, key: DataKey?)?
    var subject = 0
    try connection.forEachRow(
      """
      SELECT s.id AS id, s.recipient_id AS recipient, r.registered_by_service AS service,
        s.mapped_on AS mapped_on, s.life_domain AS domain, s.score_sealed AS score,
        k.recipient_id AS key_owner, k.data_key_version AS data_key_version,
        k.kek_version AS kek_version, k.wrapped_key AS wrapped_key
      FROM life_domain_scores s JOIN recipients r ON r.id = s.recipient_id
        LEFT JOIN recipient_keys k ON k.recipient_id = s.recipient_id
      WHERE s.mapped_on <= \(day.description) ORDER BY s.recipient_id
      """
    ) { row in
      let id: String = try row["id"]
      let recipient: String = try row["recipient"]
      if current?.recipient != recipient {
        guard (try row["key_owner"] as String?) != nil else {
          throw StoreError.corruptRow(
            table: "recipient_keys", id: recipient, reason: "the recipient has no data key")
        }
        current = (recipient, try dataKey(wrappedIn: row, of: RecipientID(rawValue: recipient)))
        subject += 1
      }
      guard let key = current?.key else { return }
      guard let mappedOn = try Self.date(try row["mapped_on"], id: id),
        let domain = LifeDomain(rawValue: try row["domain"])
      else {
        throw StoreError.corruptRow(table: "life_domain_scores", id: id, reason: "bad value")
      }
      sealed.append(
        SealedScore(
          id: id, subject: subject, service: try row["service"], mappedOn: mappedOn,
          domain: domain, score: try row["score"], key: key))
    }
    return try SealedScore.openAll(sealed)
  }
}
