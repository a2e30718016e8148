import Foundation
import SamhandCore

/// A consent as the API shows it (schema `Consent`). `version` is 1 while live and 2 once
/// withdrawn; its ETag is `"<id>.<version>"`, which a withdrawal must name in `If-Match`.
struct ConsentRepresentation: Encodable, Sendable {
  let id: String
  let recipientId: String
  let givenBy: String
  let form: String
  let purpose: String
  let documentReference: String?
  let services: [String]
  let staff: [String]
  let categories: [String]
  let validFrom: String
  let validUntil: String?
  let recordedBy: String
  let recordedAt: Date
  let withdrawnAt: Date?
  let version: Int
  let etag: String

  init(_ consent: Consent) {
    id = consent.id.rawValue
    recipientId = consent.recipientID.rawValue
    givenBy = consent.givenBy.rawValue
    form = consent.form.rawValue
    purpose = consent.purpose.text
    documentReference = consent.documentReference.text
    services = consent.services.map(\.rawValue)
    staff = consent.staff.map(\.rawValue)
    categories = consent.categories.map(\.rawValue)
    validFrom = consent.validFrom.description
    validUntil = consent.validUntil?.description
    recordedBy = consent.recordedBy.rawValue
    recordedAt = consent.recordedAt
    withdrawnAt = consent.withdrawnAt
    version = consent.withdrawnAt == nil ? 1 : 2
    etag = VersionTag.etag(id: id, version: version)
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(recipientId, forKey: .recipientId)
    try container.encode(givenBy, forKey: .givenBy)
    try container.encode(form, forKey: .form)
    try container.encode(purpose, forKey: .purpose)
    try container.encode(documentReference, forKey: .documentReference)
    try container.encode(services, forKey: .services)
    try container.encode(staff, forKey: .staff)
    try container.encode(categories, forKey: .categories)
    try container.encode(validFrom, forKey: .validFrom)
    try container.encode(validUntil, forKey: .validUntil)
    try container.encode(recordedBy, forKey: .recordedBy)
    try container.encode(recordedAt, forKey: .recordedAt)
    try container.encode(withdrawnAt, forKey: .withdrawnAt)
    try container.encode(version, forKey: .version)
    try container.encode(etag, forKey: .etag)
  }

  enum CodingKeys: String, CodingKey {
    case id, recipientId, givenBy, form, purpose, documentReference, services, staff, categories
    case validFrom, validUntil, recordedBy, recordedAt, withdrawnAt, version, etag
  }
}
