import Foundation
import SamhandCore
import SamhandCrypto

/// Brukerplan-style life-domain mapping: one sealed score per domain per mapping date (L31).
extension StoreTransaction {
  public func insertLifeDomainMapping(_ mapping: NewLifeDomainMapping, by actor: StaffID) throws {
    for (domain, score) in mapping.scores.sorted(by: { $0.key < $1.key }) {
      let id = UUID().uuidString.lowercased()
      let sealer = try sealer(
        table: "life_domain_scores", rowID: id, recipient: mapping.recipientID)
      let sealed = try sealer.seal(score.rawValue, column: "score_sealed")
      try connection.execute(
        """
        INSERT INTO life_domain_scores (id, recipient_id, mapped_on, life_domain, score_sealed,
          recorded_by, recorded_at)
        VALUES (\(id), \(mapping.recipientID.rawValue), \(mapping.mappedOn.description),
          \(domain.rawValue), \(sealed), \(actor.rawValue), \(nowText))
        """)
    }
  }

  /// Every score of the recipient, by mapping date then domain: the change over time.
  public func lifeDomainScores(of recipient: RecipientID) throws -> [LifeDomainScore] {
    let key = try dataKey(for: recipient)
    return try connection.fetchAll(
      """
      SELECT id, mapped_on, life_domain, score_sealed, recorded_by, recorded_at
      FROM life_domain_scores WHERE recipient_id = \(recipient.rawValue) ORDER BY mapped_on, rowid
      """
    ).map { row in
      let id: String = try row["id"]
      guard let mappedOn = try Self.date(row["mapped_on"], id: id),
        let domain = LifeDomain(rawValue: try row["life_domain"])
      else {
        throw StoreError.corruptRow(table: "life_domain_scores", id: id, reason: "bad value")
      }
      let opener = key.map { FieldSealer(table: "life_domain_scores", rowID: id, key: $0) }
      return LifeDomainScore(
        recipientID: recipient, mappedOn: mappedOn, domain: domain,
        score: try opener.open(row["score_sealed"], column: "score_sealed").map { text in
          guard let score = LifeDomainScore.Score(rawValue: text) else {
            throw StoreError.corruptRow(table: "life_domain_scores", id: id, reason: "bad score")
          }
          return score
        },
        recordedBy: StaffID(rawValue: try row["recorded_by"]),
        recordedAt: try row.timestamp("recorded_at", table: "life_domain_scores", id: id))
    }
  }
}
