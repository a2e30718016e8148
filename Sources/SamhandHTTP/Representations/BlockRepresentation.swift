import Foundation
import SamhandCore

/// A block as the API shows it (schema `Block`): exactly one of `staffId` and `serviceCode`
/// names whom it shuts out. `version` is 1 while live and 2 once lifted (ETag `"<id>.<version>"`).
struct BlockRepresentation: Encodable, Sendable {
  let id: String
  let recipientId: String
  let staffId: String?
  let serviceCode: String?
  let categories: [String]
  let reason: String?
  let createdBy: String
  let createdAt: Date
  let liftedAt: Date?
  let version: Int
  let etag: String

  init(_ block: Block) {
    id = block.id.rawValue
    recipientId = block.recipientID.rawValue
    switch block.target {
    case .staff(let staff): (staffId, serviceCode) = (staff.rawValue, nil)
    case .service(let code): (staffId, serviceCode) = (nil, code.rawValue)
    }
    categories = block.categories.map(\.rawValue)
    reason = block.reason.text
    createdBy = block.createdBy.rawValue
    createdAt = block.createdAt
    liftedAt = block.liftedAt
    version = block.liftedAt == nil ? 1 : 2
    etag = VersionTag.etag(id: id, version: version)
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(recipientId, forKey: .recipientId)
    try container.encode(staffId, forKey: .staffId)
    try container.encode(serviceCode, forKey: .serviceCode)
    try container.encode(categories, forKey: .categories)
    try container.encode(reason, forKey: .reason)
    try container.encode(createdBy, forKey: .createdBy)
    try container.encode(createdAt, forKey: .createdAt)
    try container.encode(liftedAt, forKey: .liftedAt)
    try container.encode(version, forKey: .version)
    try container.encode(etag, forKey: .etag)
  }

  enum CodingKeys: String, CodingKey {
    case id, recipientId, staffId, serviceCode, categories, reason, createdBy, createdAt
    case liftedAt, version, etag
  }
}

/// ETags of resources whose state only moves forward (live, then withdrawn or lifted): the id
/// and a version number, so a client can name the state it saw without fetching again.
enum VersionTag {
  static func etag(id: String, version: Int) -> String { "\"\(id).\(version)\"" }
}
