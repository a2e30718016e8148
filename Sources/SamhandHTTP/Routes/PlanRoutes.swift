import Foundation
import Hummingbird
import SamhandCore
import SamhandService

/// The individual plan: create, list, show, history, export, and its lifecycle (activate,
/// close, update). Every change names the version it edits in `If-Match`.
struct PlanRoutes {
  let service: SamhandService

  var routes: [APIRoute] {
    [
      APIRoute.create("/v1/recipients/{recipientId}/plans", service: service) {
        [service] request, context in
        let recipient = try context.id("recipientId", RecipientKind.self)
        let body = try await JSONBody.decode(PlanContentBody.self, from: request, context: context)
        guard let coordinator = body.coordinatorId else {
          throw Problem.invalid("coordinatorId", "'coordinatorId' is required")
        }
        let staff = try Field.staffID(coordinator, field: "coordinatorId")
        let content = try body.change()
        let (actor, options) = (try context.requireActor(), try context.options(request))
        let id = try await Blocking.run {
          try service.createPlan(
            recipient: recipient, coordinator: staff, content: content, as: actor,
            options: options)
        }
        return CreatedResource(id: id.rawValue, location: "/v1/plans/\(id)")
      },
      APIRoute(.get, "/v1/recipients/{recipientId}/plans", authentication: .bearerConfirmedByGate) {
        [service] request, context in
        let recipient = try context.id("recipientId", RecipientKind.self)
        _ = try Page<Tagged<Plan>>([], request: request)
        let plans = try await AuditedRead.run(service, request, context) { actor, options in
          try service.plans(of: recipient, as: actor, options: options)
        }
        return try Reply.json(Page(plans.map(Tagged<Plan>.init), request: request))
      },
      APIRoute(.get, "/v1/plans/{planId}", authentication: .bearerConfirmedByGate) {
        [service] request, context in
        let id = try context.id("planId", PlanKind.self)
        let plan = try await AuditedRead.run(service, request, context) { actor, options in
          try service.showPlan(id, as: actor, options: options)
        }
        return try Reply.tagged(Tagged<Plan>(plan))
      },
      APIRoute.history("/v1/plans/{planId}/history", "planId", service: service) {
        try $0.planHistory($1, as: $2, options: $3)
      },
      APIRoute(.get, "/v1/plans/{planId}/export", authentication: .bearerConfirmedByGate) {
        [service] request, context in
        let id = try context.id("planId", PlanKind.self)
        let text = request.uri.queryParameters.get("format") ?? "md"
        guard let format = DocumentFormat(rawValue: text) else {
          throw Problem(.badRequest, detail: "'format' must be md or html", field: "format")
        }
        let document = try await AuditedRead.run(service, request, context) { actor, options in
          try service.exportPlan(id, format: format, as: actor, options: options)
        }
        let type = format == .html ? "text/html" : "text/markdown"
        return Reply.body(
          Data(document.utf8), status: .ok, contentType: "\(type); charset=utf-8", [:])
      },
      PlanRoutes.change(service, "/activate") { service, id, _, _, version, actor, options in
        try await Blocking.run {
          try service.activatePlan(id, expectedVersion: version, as: actor, options: options)
        }.answer
      },
      PlanRoutes.change(service, "/close") {
        service, id, request, context, version, actor, options in
        let body = try await JSONBody.decode(ClosePlanBody.self, from: request, context: context)
        let reason = try Field.text(body.reason, field: "reason", max: 500)
        return try await Blocking.run {
          try service.closePlan(
            id, reason: reason, expectedVersion: version, as: actor, options: options)
        }.answer
      },
      PlanRoutes.change(service, "", method: .patch) {
        service, id, request, context, version, actor, options in
        let body = try await JSONBody.decode(PlanContentBody.self, from: request, context: context)
        guard body.coordinatorId == nil else {
          throw Problem.invalid(
            "coordinatorId", "the coordinator changes by handover, not by updating the plan")
        }
        let change = try body.change()
        return try await Blocking.run {
          try service.updatePlan(
            id, change, expectedVersion: version, as: actor, options: options)
        }.answer
      },
    ]
  }

  typealias Change =
    @Sendable (
      SamhandService, PlanID, Request, SamhandRequestContext, Int, Actor, RequestOptions
    ) async throws -> (id: String, version: Int)

  /// `POST /v1/plans/{planId}<suffix>`: the plan id, `If-Match` naming a version of that plan,
  /// then `change`; answers the new version and the plan's ETag.
  static func change(
    _ service: SamhandService, _ suffix: String, method: HTTPRequest.Method = .post,
    status: HTTPResponse.Status = .ok, _ change: @escaping Change
  ) -> APIRoute {
    APIRoute(method, "/v1/plans/{planId}" + suffix) { [service] request, context in
      let plan = try context.id("planId", PlanKind.self)
      let expected = try VersionPrecondition(request, id: plan.rawValue, prefix: PlanKind.prefix)
      let (actor, options) = (try context.requireActor(), try context.options(request))
      let result = try await change(
        service, plan, request, context, expected.version, actor, options)
      let reply = ChangeRepresentation(
        id: result.id, version: result.version, aggregate: plan.rawValue)
      return try Reply.json(reply, status: status, headers: [.eTag: reply.etag])
    }
  }
}

extension SamhandService.Versioned {
  /// The id and version a route answers.
  var answer: (id: String, version: Int) { ("\(id)", version) }
}

extension APIRoute {
  /// `GET <path>`: every version of the plan or group the path parameter `parameter` names,
  /// one page at a time.
  static func history<Kind: IdentifierKind>(
    _ path: String, _ parameter: String, service: SamhandService,
    _ read:
      @escaping @Sendable (SamhandService, Identifier<Kind>, Actor, RequestOptions) throws ->
      [AggregateVersion]
  ) -> APIRoute {
    APIRoute(.get, path, authentication: .bearerConfirmedByGate) { request, context in
      let id = try context.id(parameter, Kind.self)
      _ = try Page<AggregateVersion>([], request: request)
      let versions = try await AuditedRead.run(service, request, context) { actor, options in
        try read(service, id, actor, options)
      }
      return try Reply.json(Page(versions, request: request))
    }
  }
}

extension Reply {
  /// A plan or group with its version ETag.
  static func tagged<Value>(_ value: Tagged<Value>) throws -> Response {
    try json(value, headers: [.eTag: value.etag])
  }
}
