import Foundation
import Hummingbird
import SamhandCore
import SamhandService

/// Handovers: propose, list, show (with ETag), send a draft, the state changes and checklist edits (each
/// with `If-Match`), the inbox, and who holds responsibility for a recipient.
struct HandoverRoutes {
  let service: SamhandService

  var routes: [APIRoute] {
    [
      APIRoute.create("/v1/recipients/{recipientId}/handovers", service: service) {
        [service] request, context in
        let recipient = try context.id("recipientId", RecipientKind.self)
        let body = try await JSONBody.decode(NewHandoverBody.self, from: request, context: context)
        let proposal = try body.proposal(for: recipient)
        let (actor, options) = (try context.requireActor(), try context.options(request))
        let created = try await Blocking.run {
          try service.proposeHandover(proposal, as: actor, options: options)
        }
        return CreatedResource(id: created.id.rawValue, location: "/v1/handovers/\(created.id)")
      },
      APIRoute(
        .get, "/v1/recipients/{recipientId}/handovers", authentication: .bearerConfirmedByGate
      ) { [service] request, context in
        let recipient = try context.id("recipientId", RecipientKind.self)
        _ = try Page<Handover>([], request: request)
        let list = try await AuditedRead.run(service, request, context) { actor, options in
          try service.handovers(of: recipient, as: actor, options: options)
        }
        return try Reply.json(Page(list, request: request))
      },
      APIRoute(.get, "/v1/recipients/{recipientId}/responsibility") {
        [service] request, context in
        let recipient = try context.id("recipientId", RecipientKind.self)
        let (actor, options) = (try context.requireActor(), try context.options(request))
        let holder = try await Blocking.run {
          try service.responsibilityHolder(of: recipient, as: actor, options: options)
        }
        return try Reply.json(holder)
      },
      APIRoute(.get, "/v1/handovers/inbox") { [service] request, context in
        let (actor, options) = (try context.requireActor(), try context.options(request))
        let inbox = try await Blocking.run {
          try service.handoverInbox(as: actor, options: options)
        }
        return try Reply.json(inbox)
      },
      APIRoute(.get, "/v1/handovers/{handoverId}", authentication: .bearerConfirmedByGate) {
        [service] request, context in
        let id = try context.id("handoverId", HandoverIDKind.self)
        let record = try await AuditedRead.run(service, request, context) { actor, options in
          try service.showHandover(id, as: actor, options: options)
        }
        return try Reply.tagged(Tagged<HandoverRecord>(record))
      },
      Self.change(service, "/send") { service, id, _, _, version, actor, options in
        try service.sendHandover(id, expectedVersion: version, as: actor, options: options)
      },
      Self.change(service, "/accept") { service, id, _, _, version, actor, options in
        try service.acceptHandover(id, expectedVersion: version, as: actor, options: options)
      },
      Self.change(service, "/complete") { service, id, _, _, version, actor, options in
        try service.completeHandover(id, expectedVersion: version, as: actor, options: options)
      },
      Self.change(service, "/reject", body: HandoverRejectionBody.self) {
        service, id, body, _, version, actor, options in
        let category = try Field.rejectionCategory(body?.category, field: "category")
        let reason = try Field.text(body?.reason ?? "", field: "reason", max: 500)
        return try service.rejectHandover(
          id, category: category, reason: reason, expectedVersion: version, as: actor,
          options: options)
      },
      Self.change(service, "/withdraw", body: HandoverReasonBody.self) {
        service, id, body, _, version, actor, options in
        let reason = try body?.reason.map { try Field.text($0, field: "reason", max: 500) }
        return try service.withdrawHandover(
          id, reason: reason, expectedVersion: version, as: actor, options: options)
      },
      Self.change(service, "/checklist", body: ChecklistItemBody.self) {
        service, id, body, _, version, actor, options in
        let text = try Field.text(body?.text ?? "", field: "text", max: 500)
        return try service.addChecklistItem(
          id, label: text, expectedVersion: version, as: actor, options: options)
      },
      Self.change(service, "/checklist/{itemKey}/check") {
        service, id, _, item, version, actor, options in
        try service.markChecklistItem(
          id, item: item, done: true, expectedVersion: version, as: actor, options: options)
      },
      Self.change(service, "/checklist/{itemKey}/uncheck") {
        service, id, _, item, version, actor, options in
        try service.markChecklistItem(
          id, item: item, done: false, expectedVersion: version, as: actor, options: options)
      },
    ]
  }

  typealias Change<Body> =
    @Sendable (
      SamhandService, HandoverID, Body?, String, Int, Actor, RequestOptions
    ) throws -> SamhandService.Versioned<HandoverID>

  /// `POST /v1/handovers/{handoverId}<suffix>` without a body.
  static func change(
    _ service: SamhandService, _ suffix: String, _ change: @escaping Change<HandoverReasonBody>
  ) -> APIRoute {
    Self.change(service, suffix, body: nil, change)
  }

  /// `POST /v1/handovers/{handoverId}<suffix>`: the handover id, `If-Match` naming a version
  /// of it, the optional body and the `itemKey` path parameter, then `change`; answers the
  /// new version and the handover's ETag.
  static func change<Body: StrictBody>(
    _ service: SamhandService, _ suffix: String, body: Body.Type?,
    _ change: @escaping Change<Body>
  ) -> APIRoute {
    APIRoute(.post, "/v1/handovers/{handoverId}" + suffix) { [service] request, context in
      let id = try context.id("handoverId", HandoverIDKind.self)
      let item = context.parameters.get("itemKey") ?? ""
      let expected = try VersionPrecondition(
        request, id: id.rawValue, prefix: HandoverIDKind.prefix)
      let decoded: Body?
      if let body {
        decoded = try await JSONBody.decode(body, from: request, context: context)
      } else {
        decoded = nil
      }
      let (actor, options) = (try context.requireActor(), try context.options(request))
      let result = try await Blocking.run {
        try change(service, id, decoded, item, expected.version, actor, options)
      }
      let reply = ChangeRepresentation(
        id: id.rawValue, version: result.version, aggregate: id.rawValue)
      return try Reply.json(reply, headers: [.eTag: reply.etag])
    }
  }
}
