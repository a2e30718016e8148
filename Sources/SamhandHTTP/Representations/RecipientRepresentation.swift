import Foundation
import SamhandCore

/// A recipient as the API shows it (schema `Recipient`), and as `samhand recipient show --json`
/// prints it: one shape for both. Sealed fields read back as their plaintext, or `"[erased]"`
/// once the recipient's data key is destroyed.
///
/// ```swift
/// let json = try JSONEncoder().encode(RecipientRepresentation(recipient))
/// ```
public struct RecipientRepresentation: Encodable, Sendable {
  public struct RelativeRepresentation: Encodable, Sendable {
    let id: String
    let name: String
    let relation: String
    let contact: String?
    let isChild: Bool

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(id, forKey: .id)
      try container.encode(name, forKey: .name)
      try container.encode(relation, forKey: .relation)
      try container.encode(contact, forKey: .contact)
      try container.encode(isChild, forKey: .isChild)
    }

    enum CodingKeys: String, CodingKey { case id, name, relation, contact, isChild }
  }

  let id: String
  let registeredBy: String
  let createdAt: Date
  let name: String
  let nationalId: String
  let contact: String?
  let relatives: [RelativeRepresentation]
  /// The identity record's version: a rectification names it in `If-Match` (`"<id>.<version>"`).
  let version: Int

  public init(_ recipient: Recipient) {
    id = recipient.id.rawValue
    registeredBy = recipient.registeredBy.rawValue
    createdAt = recipient.createdAt
    name = recipient.name.text
    nationalId = recipient.nationalID.map(\.digits).text
    contact = recipient.contact.text
    relatives = recipient.relatives.map {
      RelativeRepresentation(
        id: $0.id.rawValue, name: $0.name.text, relation: $0.relation.text,
        contact: $0.contact.text, isChild: $0.isChild)
    }
    version = recipient.version
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(registeredBy, forKey: .registeredBy)
    try container.encode(createdAt, forKey: .createdAt)
    try container.encode(name, forKey: .name)
    try container.encode(nationalId, forKey: .nationalId)
    try container.encode(contact, forKey: .contact)
    try container.encode(relatives, forKey: .relatives)
    try container.encode(version, forKey: .version)
  }

  enum CodingKeys: String, CodingKey {
    case id, registeredBy, createdAt, name, nationalId, contact, relatives, version
  }
}
