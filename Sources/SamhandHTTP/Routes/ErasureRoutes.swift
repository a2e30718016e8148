import Hummingbird
import SamhandCore
import SamhandService

/// Erasure with four eyes (request, approve, reject, the queue, one request's status), legal
/// holds and the recipients whose retention has run out.
struct ErasureRoutes {
  let service: SamhandService

  var routes: [APIRoute] {
    [
      APIRoute.create("/v1/recipients/{recipientId}/erasure-requests", service: service) {
        [service] request, context in
        let recipient = try context.id("recipientId", RecipientKind.self)
        let body = try await JSONBody.decode(
          NewErasureRequestBody.self, from: request, context: context)
        guard let ground = ErasureGround(rawValue: body.ground) else {
          throw Problem.invalid("ground", ErasureError.unknownGround(body.ground).description)
        }
        let reason = try Field.text(body.reason, field: "reason", max: 2000)
        let (actor, options) = (try context.requireActor(), try context.options(request))
        let id = try await Blocking.run {
          try service.requestErasure(
            of: recipient, ground: ground, reason: reason, as: actor, options: options)
        }
        return CreatedResource(id: id.rawValue, location: "/v1/erasure-requests/\(id)")
      },
      APIRoute(.get, "/v1/erasure-requests") { [service] request, context in
        let pending = try request.booleanQuery("pending", default: false)
        let (actor, options) = (try context.requireActor(), try context.options(request))
        let page = try Page<ErasureRepresentation>.request(request)
        let requests = try await Blocking.run {
          try service.erasureRequests(
            pendingOnly: pending, as: actor, page: page, options: options)
        }
        return try Reply.json(
          Page(
            ListPage(items: requests.items.map(ErasureRepresentation.init), next: requests.next)))
      },
      APIRoute(.get, "/v1/erasure-requests/{requestId}", authentication: .bearerConfirmedByGate) {
        [service] request, context in
        let id = try context.id("requestId", ErasureRequestKind.self)
        let report = try await AuditedRead.run(service, request, context) { actor, options in
          try service.erasureStatus(id, as: actor, options: options)
        }
        return try Reply.json(ErasureRepresentation(report))
      },
      APIRoute(.post, "/v1/erasure-requests/{requestId}/approve") { [service] request, context in
        let id = try context.id("requestId", ErasureRequestKind.self)
        let (actor, options) = (try context.requireActor(), try context.options(request))
        let report = try await Blocking.run {
          try service.approveErasure(id, as: actor, options: options)
        }
        return try Reply.json(ErasureRepresentation(report))
      },
      APIRoute(.post, "/v1/erasure-requests/{requestId}/reject") { [service] request, context in
        let id = try context.id("requestId", ErasureRequestKind.self)
        let body = try await JSONBody.decode(
          ErasureRejectionBody.self, from: request, context: context)
        let reason = try Field.text(body.reason, field: "reason", max: 2000)
        let (actor, options) = (try context.requireActor(), try context.options(request))
        try await Blocking.run {
          try service.rejectErasure(id, reason: reason, as: actor, options: options)
        }
        return Reply.noContent()
      },
      legalHold(.put, held: true),
      legalHold(.delete, held: false),
      APIRoute(.get, "/v1/retention/due") { [service] request, context in
        let (actor, options) = (try context.requireActor(), try context.options(request))
        let page = try Page<RetentionDueRepresentation>.request(request)
        let due = try await Blocking.run {
          try service.retentionDue(as: actor, page: page, options: options)
        }
        return try Reply.json(
          Page(ListPage(items: due.items.map(RetentionDueRepresentation.init), next: due.next)))
      },
    ]
  }

  /// `PUT` sets the recipient's legal hold, `DELETE` clears it.
  private func legalHold(_ method: HTTPRequest.Method, held: Bool) -> APIRoute {
    APIRoute(method, "/v1/recipients/{recipientId}/legal-hold") { [service] request, context in
      let recipient = try context.id("recipientId", RecipientKind.self)
      let (actor, options) = (try context.requireActor(), try context.options(request))
      try await Blocking.run {
        try service.setLegalHold(held, on: recipient, as: actor, options: options)
      }
      return Reply.noContent()
    }
  }
}
