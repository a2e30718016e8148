/// Why the receiving side rejected a handover, as one word of a fixed vocabulary: the reason
/// itself is sealed free text, but the municipality counts rejections by category (L30), and a
/// category names no one. Rejections recorded before categories existed have none (`nil`),
/// which reports show as not recorded.
public enum HandoverRejectionCategory: String, Sendable, Codable, CaseIterable {
  /// The receiving service does not offer what the person needs.
  case notOurService = "not-our-service"
  /// The proposal lacks what the receiver needs to take over.
  case missingInformation = "missing-information"
  /// The receiving service has no room now.
  case noCapacity = "no-capacity"
  /// The person does not want the handover.
  case recipientDeclined = "recipient-declined"
  case other

  public init(parsing text: String) throws(HandoverError) {
    guard let category = HandoverRejectionCategory(rawValue: text) else {
      throw .unknownRejectionCategory(text)
    }
    self = category
  }

  /// The Norwegian label staff and leaders see.
  public var label: String {
    switch self {
    case .notOurService: return "Ikke vår tjeneste"
    case .missingInformation: return "Mangler opplysninger"
    case .noCapacity: return "Ingen kapasitet"
    case .recipientDeclined: return "Personen takket nei"
    case .other: return "Annet"
    }
  }

  /// The label of a rejection recorded without a category.
  public static let notRecordedLabel = "Ikke registrert"
}
