import Foundation
import GRDB
import SamhandCore
import SamhandCrypto

/// Brukerplan-style life-domain mapping: one sealed score per domain per mapping date (L31).
extension StoreTransaction {
  public func insertLifeDomainMapping(_ mapping: NewLifeDomainMapping, by actor: StaffID) throws {
    for (domain, score) in mapping.scores.sorted(by: { $0.key < $1.key }) {
      let id = UUID().uuidString.lowercased()
      let sealer = try sealer(
        table: "life_domain_scores", rowID: id, recipient: mapping.recipientID)
      try db.cachedStatement(
        sql: """
          INSERT INTO life_domain_scores (id, recipient_id, mapped_on, life_domain, score_sealed,
            recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)
          """
      ).execute(
        arguments: [
          id, mapping.recipientID.rawValue, mapping.mappedOn.description, domain.rawValue,
          try sealer.seal(score.rawValue, column: "score_sealed"), actor.rawValue, nowText,
        ])
    }
  }

  /// Every score of the recipient, by mapping date then domain: the change over time.
  public func lifeDomainScores(of recipient: RecipientID) throws -> [LifeDomainScore] {
    let key = try dataKey(for: recipient)
    return try Row.fetchAll(
      db.cachedStatement(
        sql: """
          SELECT id, mapped_on, life_domain, score_sealed, recorded_by, recorded_at
          FROM life_domain_scores WHERE recipient_id = ? ORDER BY mapped_on, rowid
          """), arguments: [recipient.rawValue]
    ).map { row in
      let id: String = row["id"]
      guard let mappedOn = try Self.date(row["mapped_on"], id: id),
        let domain = LifeDomain(rawValue: row["life_domain"])
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
        recordedBy: StaffID(rawValue: row["recorded_by"]),
        recordedAt: try row.timestamp("recorded_at", table: "life_domain_scores", id: id))
    }
  }
}
