import Foundation
import SamhandCore
import SamhandStore

/// Rectification (GDPR art. 16): correcting a recipient's name, contact and next of kin as new
/// versions of the identity record, and reading every version.
extension SamhandService {
  /// Applies `change` as the recipient's next version; the earlier versions stay in the
  /// history. Gated as an `update` of the identity record, so only the registering service
  /// writes it. With `expectedVersion`, a change made against an older version is refused.
  @discardableResult
  public func updateRecipient(
    _ id: RecipientID, _ change: RecipientChange, expectedVersion: Int? = nil, as actor: Actor,
    options: RequestOptions
  ) throws -> Versioned<RecipientID> {
    let update = request(actor, .update, "recipient.update", options)
    try gate.validated(update) {
      guard !change.isEmpty else { throw ServiceError.invalid("nothing to change") }
    }
    return try gate.write(
      update, notFound: Self.noRecipient(id),
      resolve: { try $0.registeringService(of: id).map { _ in .record(id, .identity) } },
      perform: { transaction, _ in
        guard let recipient = try transaction.recipient(id) else { throw Self.noRecipient(id) }
        try Self.checkVersion(expectedVersion, current: recipient.version, of: "recipient \(id)")
        guard !recipient.isErased else {
          throw ServiceError.conflict("recipient \(id) has been erased; nothing can be changed")
        }
        let current = recipient.relatives.map(\.id)
        let named = change.removedRelatives + (change.keptRelatives.map(Array.init) ?? [])
        if let unknown = named.first(where: { !current.contains($0) }) {
          throw ServiceError.invalid("\(unknown) is not a next of kin of recipient \(id)")
        }
        let resolved = try change.resolved(current: current)
        guard !resolved.isEmpty else { throw ServiceError.invalid("nothing to change") }
        let version = try transaction.recordRecipientChange(id, resolved, by: actor.staffID)
        return Versioned(id: id, version: version)
      })
  }

  /// Every version of the recipient's identity record, oldest first: name, contact and next of
  /// kin as each version held them, what changed, who and when.
  public func recipientHistory(
    _ id: RecipientID, as actor: Actor, options: RequestOptions
  ) throws -> [RecipientVersion] {
    try gate.read(
      request(actor, .view, "recipient.history", options), notFound: Self.noRecipient(id),
      resolve: { try $0.registeringService(of: id).map { _ in .record(id, .identity) } },
      read: { transaction, _ in try transaction.recipientVersions(id) })
  }
}
