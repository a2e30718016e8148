import Foundation
import SamhandCore
import SamhandService

/// A plan or group as the API shows it (schemas `Plan`, `Group`): the domain's own encoding
/// plus `etag`, `"<id>.<version>"`, the value a change must send in `If-Match`.
struct Tagged<Value: Encodable & Sendable>: Encodable, Sendable {
  let value: Value
  let etag: String

  init(_ plan: Plan) where Value == Plan {
    value = plan
    etag = VersionTag.etag(id: plan.id.rawValue, version: plan.version)
  }

  init(_ group: Group) where Value == Group {
    value = group
    etag = VersionTag.etag(id: group.id.rawValue, version: group.version)
  }

  func encode(to encoder: any Encoder) throws {
    try value.encode(to: encoder)
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(etag, forKey: .etag)
  }

  enum CodingKeys: String, CodingKey { case etag }
}

/// What a change of a plan or group answers (schema `Change`): the id of what was changed or
/// added, the aggregate's new version, and its ETag for the next change.
struct ChangeRepresentation: Encodable, Sendable {
  let id: String
  let version: Int
  let etag: String
  let actionItems: [String]?

  init(id: String, version: Int, aggregate: String, actionItems: [String]? = nil) {
    self.id = id
    self.version = version
    self.etag = VersionTag.etag(id: aggregate, version: version)
    self.actionItems = actionItems
  }
}
