import Foundation
import SamhandCore

/// `POST /v1/plans/{planId}/references` (schema `NewPlanReference`): a cooperation agreement or
/// another plan the individual plan points to.
struct NewPlanReferenceBody: StrictBody {
  let kind: String
  let reference: String
  enum CodingKeys: String, CodingKey, CaseIterable { case kind, reference }

  func parsed() throws -> (kind: PlanReference.Kind, reference: String) {
    (
      try Field.vocabulary(kind, field: "kind"),
      try Field.text(reference, field: "reference", max: 500)
    )
  }
}

/// `POST /v1/plans/{planId}/comments` (schema `NewPlanComment`): what the recipient, or one of
/// their next of kin (`relativeId`), said about the plan, recorded by staff.
struct NewPlanCommentBody: StrictBody {
  let text: String
  let relativeId: String?
  enum CodingKeys: String, CodingKey, CaseIterable { case text, relativeId }

  func parsed() throws -> (text: String, relative: RelativeID?) {
    (
      try Field.text(text, field: "text"),
      try relativeId.map { try Field.id($0, field: "relativeId") }
    )
  }
}

/// `POST /v1/recipients/{recipientId}/life-domains` (schema `NewLifeDomainMapping`): one
/// Brukerplan score per mapped life domain, on `mappedOn` (default today).
struct NewLifeDomainMappingBody: StrictBody {
  let mappedOn: String?
  let scores: [String: String]
  enum CodingKeys: String, CodingKey, CaseIterable { case mappedOn, scores }

  func parsed() throws -> (scores: [LifeDomain: LifeDomainScore.Score], mappedOn: CalendarDate?) {
    var parsed: [LifeDomain: LifeDomainScore.Score] = [:]
    for (domain, score) in scores.sorted(by: { $0.key < $1.key }) {
      let field = "scores.\(domain)"
      let known: LifeDomain = try Field.vocabulary(domain, field: field)
      parsed[known] = try Field.vocabulary(score, field: field)
    }
    return (parsed, try Field.date(mappedOn, field: "mappedOn"))
  }
}
