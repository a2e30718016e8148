import Hummingbird
import SamhandCore
import SamhandService

/// Registering, showing, finding, the caseload, and bringing staff into a recipient's care.
struct RecipientRoutes {
  let service: SamhandService

  var routes: [APIRoute] {
    [
      APIRoute.create("/v1/recipients", service: service) { [service] request, context in
        let body = try await JSONBody.decode(NewRecipientBody.self, from: request, context: context)
        let code = try body.service.map { try Field.services([$0], field: "service")[0] }
        let (actor, options) = (try context.requireActor(), try context.options(request))
        let id = try await Blocking.run {
          try service.registerRecipient(
            name: try Field.text(body.name, field: "name", max: NewRecipient.maxNameLength),
            nationalID: body.nationalId, contact: body.contact, relatives: body.newRelatives,
            service: code, as: actor, options: options)
        }
        return CreatedResource(id: id.rawValue, location: "/v1/recipients/\(id)")
      },
      APIRoute(.get, "/v1/recipients/{recipientId}", authentication: .bearerConfirmedByGate) {
        request, context in
        let id = try context.id("recipientId", RecipientKind.self)
        let recipient = try await AuditedRead.run(service, request, context) { actor, options in
          try service.showRecipient(id, as: actor, options: options)
        }
        return try Reply.json(
          RecipientRepresentation(recipient),
          headers: [.eTag: VersionTag.etag(id: id.rawValue, version: recipient.version)])
      },
      APIRoute(.post, "/v1/recipients/search", authentication: .bearerConfirmedByGate) {
        request, context in
        let body = try await JSONBody.decode(
          RecipientSearchBody.self, from: request, context: context)
        let id = try await AuditedRead.run(service, request, context) { actor, options in
          try service.findRecipient(nationalID: body.nationalId, as: actor, options: options)
        }
        return try Reply.json(Reply.Created(id: id.rawValue))
      },
      APIRoute(.get, "/v1/caseload") { request, context in
        let (actor, options) = (try context.requireActor(), try context.options(request))
        let page = try Page<RecipientRepresentation>.request(request)
        let recipients = try await Blocking.run { [service] in
          try service.caseload(as: actor, page: page, options: options)
        }
        return try Reply.json(
          Page(
            ListPage(
              items: recipients.items.map(RecipientRepresentation.init), next: recipients.next)))
      },
      assignment("/v1/recipients/{recipientId}/assign") {
        service, staff, recipient, actor, options in
        try service.assign(staff, to: recipient, as: actor, options: options)
      },
      assignment("/v1/recipients/{recipientId}/unassign") {
        service, staff, recipient, actor, options in
        try service.unassign(staff, from: recipient, as: actor, options: options)
      },
    ]
  }

  private func assignment(
    _ path: String,
    _ change:
      @escaping @Sendable (SamhandService, StaffID, RecipientID, Actor, RequestOptions)
      throws -> Void
  ) -> APIRoute {
    APIRoute(.post, path) { [service] request, context in
      let recipient = try context.id("recipientId", RecipientKind.self)
      let body = try await JSONBody.decode(AssignmentBody.self, from: request, context: context)
      let staff = try Field.staffID(body.staffId, field: "staffId")
      let (actor, options) = (try context.requireActor(), try context.options(request))
      try await Blocking.run { try change(service, staff, recipient, actor, options) }
      return Reply.noContent()
    }
  }
}
