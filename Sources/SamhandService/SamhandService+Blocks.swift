import Foundation
import SamhandCore
import SamhandStore

/// Blocks (sperring): recorded by staff with a care relationship on the recipient's behalf.
extension SamhandService {
  public func addBlock(
    recipient: RecipientID, target: Block.Target, categories: [InformationCategory] = [],
    reason: String? = nil, as actor: Actor, options: RequestOptions
  ) throws -> BlockID {
    try gate.write(
      request(actor, .create, "block.add", options), notFound: Self.noRecipient(recipient),
      resolve: { _ in .record(recipient, .identity) },
      perform: { transaction, _ in
        switch target {
        case .staff(let id) where try transaction.staff(id) == nil:
          throw ServiceError.invalid("unknown staff member '\(id)'")
        case .service(let code) where !(try transaction.serviceExists(code)):
          throw ServiceError.invalid("unknown service '\(code)'")
        default: break
        }
        return try transaction.insertBlock(
          recipient: recipient, target: target, categories: categories, reason: reason,
          by: actor.staffID)
      })
  }

  public func liftBlock(_ id: BlockID, as actor: Actor, options: RequestOptions) throws {
    try gate.write(
      request(actor, .update, "block.lift", options),
      notFound: .notFound(kind: "block", id: id.rawValue),
      resolve: { transaction in
        try transaction.recipientID(ofBlock: id).map { .record($0, .identity) }
      },
      perform: { transaction, _ in
        guard try transaction.liftBlock(id, by: actor.staffID) else {
          throw ServiceError.conflict("block \(id) is already lifted")
        }
      })
  }

  public func blocks(
    of recipient: RecipientID, as actor: Actor, options: RequestOptions
  ) throws -> [Block] {
    try gate.read(
      request(actor, .view, "block.list", options), notFound: Self.noRecipient(recipient),
      resolve: { _ in .record(recipient, .identity) },
      read: { transaction, _ in try transaction.blocks(of: recipient, liveOnly: false) })
  }
}
