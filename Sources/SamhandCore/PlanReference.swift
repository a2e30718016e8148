import Foundation

/// A reference from the plan to a cooperation agreement or another plan (IOP, KVP, crisis
/// plan, child-welfare plan): referenced, not copied (L6). The reference text is sealed.
public struct PlanReference: Sendable, Equatable, Encodable {
  public enum Kind: String, Sendable, Codable, CaseIterable, PlanVocabulary {
    case agreement
    case iop
    case kvp
    case crisisPlan = "crisis-plan"
    case childWelfarePlan = "child-welfare-plan"
    case other

    public static let fieldName = "reference kind"

    /// The bokmål label.
    public var label: String {
      switch self {
      case .agreement: return "Samarbeidsavtale"
      case .iop: return "Individuell opplæringsplan (IOP)"
      case .kvp: return "Kvalifiseringsprogram (KVP)"
      case .crisisPlan: return "Kriseplan"
      case .childWelfarePlan: return "Tiltaksplan i barnevernet"
      case .other: return "Annen plan"
      }
    }
  }

  public let id: PlanReferenceID
  public let kind: Kind
  public let reference: Protected<String>

  public init(id: PlanReferenceID, kind: Kind, reference: Protected<String>) {
    self.id = id
    self.kind = kind
    self.reference = reference
  }
}

/// A comment on the plan by the recipient or a relative, recorded by staff (L4).
public struct PlanComment: Sendable, Equatable, Encodable {
  public enum Author: String, Sendable, Codable, CaseIterable { case recipient, relative }

  public let id: PlanCommentID
  public let author: Author
  public let relativeID: RelativeID?
  public let text: Protected<String>
  public let recordedBy: StaffID
  public let recordedAt: Date

  enum CodingKeys: String, CodingKey {
    case id, author, text, recordedBy, recordedAt
    case relativeID = "relativeId"
  }

  public init(
    id: PlanCommentID, author: Author, relativeID: RelativeID?, text: Protected<String>,
    recordedBy: StaffID, recordedAt: Date
  ) {
    self.id = id
    self.author = author
    self.relativeID = relativeID
    self.text = text
    self.recordedBy = recordedBy
    self.recordedAt = recordedAt
  }
}
