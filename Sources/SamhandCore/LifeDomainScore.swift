import Foundation

/// One Brukerplan-style score of one life domain on one mapping date (L31). Scores are
/// sealed at rest; a recipient's history of them shows change over time.
///
/// ```swift
/// let mapping = try NewLifeDomainMapping(
///   recipientID: id, mappedOn: today, scores: [.housing: .red, .network: .yellow])
/// ```
public struct LifeDomainScore: Sendable, Equatable, Encodable {
  /// The traffic-light index: green (no problem) to red (serious problem).
  public enum Score: String, Sendable, Codable, CaseIterable {
    case green, yellow, red

    public init(parsing text: String) throws(PlanError) {
      guard let score = Score(rawValue: text) else { throw .unknownScore(text) }
      self = score
    }

    /// The bokmål label.
    public var label: String {
      switch self {
      case .green: return "Grønn"
      case .yellow: return "Gul"
      case .red: return "Rød"
      }
    }
  }

  public let recipientID: RecipientID
  public let mappedOn: CalendarDate
  public let domain: LifeDomain
  public let score: Protected<Score>
  public let recordedBy: StaffID
  public let recordedAt: Date

  /// The API's camelCase keys (`recipientId`), as in the rest of the API.
  enum CodingKeys: String, CodingKey {
    case mappedOn, domain, score, recordedBy, recordedAt
    case recipientID = "recipientId"
  }

  public init(
    recipientID: RecipientID, mappedOn: CalendarDate, domain: LifeDomain,
    score: Protected<Score>, recordedBy: StaffID, recordedAt: Date
  ) {
    self.recipientID = recipientID
    self.mappedOn = mappedOn
    self.domain = domain
    self.score = score
    self.recordedBy = recordedBy
    self.recordedAt = recordedAt
  }
}

/// A mapping of some life domains on one date; validated before anything is written.
public struct NewLifeDomainMapping: Sendable, Equatable {
  public let recipientID: RecipientID
  public let mappedOn: CalendarDate
  public let scores: [LifeDomain: LifeDomainScore.Score]

  public init(
    recipientID: RecipientID, mappedOn: CalendarDate, scores: [LifeDomain: LifeDomainScore.Score],
    today: CalendarDate
  ) throws(PlanError) {
    guard !scores.isEmpty else { throw .emptyField("the mapping's scores") }
    guard mappedOn <= today else { throw .dateInFuture("the mapping date") }
    self.recipientID = recipientID
    self.mappedOn = mappedOn
    self.scores = scores
  }
}
