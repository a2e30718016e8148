import Hummingbird
import SamhandCore
import SamhandService

/// Recording, listing and lifting blocks (sperring).
struct BlockRoutes {
  let service: SamhandService

  var routes: [APIRoute] {
    [
      APIRoute.create("/v1/recipients/{recipientId}/blocks", service: service) {
        [service] request, context in
        let recipient = try context.id("recipientId", RecipientKind.self)
        let body = try await JSONBody.decode(NewBlockBody.self, from: request, context: context)
        let target: Block.Target
        switch (body.staffId, body.serviceCode) {
        case (let staff?, nil): target = .staff(try Field.staffID(staff, field: "staffId"))
        case (nil, let code?):
          target = .service(try Field.services([code], field: "serviceCode")[0])
        default:
          throw Problem.invalid("staffId", "name exactly one of 'staffId' and 'serviceCode'")
        }
        let categories = try Field.categories(body.categories ?? [], field: "categories")
        let reason = try body.reason.map { try Field.text($0, field: "reason", max: 500) }
        let (actor, options) = (try context.requireActor(), try context.options(request))
        let id = try await Blocking.run {
          try service.addBlock(
            recipient: recipient, target: target, categories: categories, reason: reason,
            as: actor, options: options)
        }
        return CreatedResource(
          id: id.rawValue, location: "/v1/recipients/\(recipient)/blocks")
      },
      APIRoute(.get, "/v1/recipients/{recipientId}/blocks", authentication: .bearerConfirmedByGate)
      { [service] request, context in
        let recipient = try context.id("recipientId", RecipientKind.self)
        _ = try Page<BlockRepresentation>([], request: request)
        let blocks = try await AuditedRead.run(service, request, context) { actor, options in
          try service.blocks(of: recipient, as: actor, options: options)
        }
        return try Reply.json(Page(blocks.map(BlockRepresentation.init), request: request))
      },
      APIRoute(.post, "/v1/blocks/{blockId}/lift") { [service] request, context in
        let id = try context.id("blockId", BlockKind.self)
        try Preconditions.requireLive(request, id: id.rawValue)
        let (actor, options) = (try context.requireActor(), try context.options(request))
        try await Preconditions.stale {
          try await Blocking.run { try service.liftBlock(id, as: actor, options: options) }
        }
        return Reply.noContent()
      },
    ]
  }
}
