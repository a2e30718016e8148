import Foundation
import HTTPTypes
import Hummingbird
import SamhandService

/// `If-Match` on changes of plans and groups, whose every change is a new version: the ETag is
/// `"<id>.<version>"`, and the version it names becomes the use case's `expectedVersion`, so a
/// stale edit is refused by the service (412) inside the same transaction that would write it.
struct VersionPrecondition: Sendable {
  /// The aggregate the ETag names.
  let id: String
  /// The version the client saw.
  let version: Int

  /// Reads `If-Match`: 428 without it, 412 when it names no version of `id` (or, when the
  /// route does not know the aggregate's id, of any id with `prefix`).
  init(_ request: Request, id: String?, prefix: String) throws {
    guard let header = request.headers[.ifMatch] else {
      throw Problem(
        .preconditionRequired,
        detail: "send If-Match with the ETag you last saw (\"<id>.<version>\")", field: "If-Match")
    }
    let tag = header.trimmingCharacters(in: .whitespaces)
    guard tag.count > 2, tag.hasPrefix("\""), tag.hasSuffix("\""),
      case let inner = tag.dropFirst().dropLast(), let dot = inner.lastIndex(of: "."),
      let version = Int(inner[inner.index(after: dot)...]), version > 0,
      case let named = String(inner[..<dot]),
      id.map({ $0 == named }) ?? SamhandRequestContext.isID(named, prefix: prefix)
    else {
      throw Problem(
        .preconditionFailed, detail: "the ETag in If-Match is not a version of this resource",
        field: "If-Match")
    }
    self.id = named
    self.version = version
  }
}
