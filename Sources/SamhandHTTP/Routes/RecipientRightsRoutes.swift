import Foundation
import Hummingbird
import SamhandCore
import SamhandService

/// The recipient's rights over HTTP: rectification as a JSON merge patch with `If-Match`, the
/// identity record's versions, and the copy of everything held (JSON or FHIR R4).
struct RecipientRightsRoutes {
  let service: SamhandService

  var routes: [APIRoute] {
    [
      APIRoute(.patch, "/v1/recipients/{recipientId}") { [service] request, context in
        let id = try context.id("recipientId", RecipientKind.self)
        let expected = try VersionPrecondition(
          request, id: id.rawValue, prefix: RecipientKind.prefix)
        let body = try await JSONBody.decode(
          RecipientPatchBody.self, from: request, context: context)
        let change = try body.change()
        let (actor, options) = (try context.requireActor(), try context.options(request))
        let result = try await Blocking.run {
          try service.updateRecipient(
            id, change, expectedVersion: expected.version, as: actor, options: options)
        }
        let reply = ChangeRepresentation(
          id: id.rawValue, version: result.version, aggregate: id.rawValue)
        return try Reply.json(reply, headers: [.eTag: reply.etag])
      },
      APIRoute(
        .get, "/v1/recipients/{recipientId}/versions", authentication: .bearerConfirmedByGate
      ) { [service] request, context in
        let id = try context.id("recipientId", RecipientKind.self)
        _ = try Page<RecipientVersion>([], request: request)
        let versions = try await AuditedRead.run(service, request, context) { actor, options in
          try service.recipientHistory(id, as: actor, options: options)
        }
        return try Reply.json(Page(versions, request: request))
      },
      APIRoute(.get, "/v1/recipients/{recipientId}/export") { [service] request, context in
        let id = try context.id("recipientId", RecipientKind.self)
        let text = request.uri.queryParameters.get("format") ?? "json"
        guard let format = RecipientExportFormat(rawValue: text) else {
          throw Problem(
            .badRequest, detail: "'format' must be one of \(RecipientExportFormat.names)",
            field: "format")
        }
        let (actor, options) = (try context.requireActor(), try context.options(request))
        let data = try await Blocking.run {
          try service.exportRecipient(id, format: format, as: actor, options: options)
        }
        // Personal data: never cached; the HTML document loads nothing and runs nothing.
        return Reply.body(
          data, status: .ok, contentType: format.mediaType,
          [.cacheControl: "no-store", .contentSecurityPolicy: "default-src 'none'"])
      },
    ]
  }
}
