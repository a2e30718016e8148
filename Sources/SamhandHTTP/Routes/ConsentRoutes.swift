import HTTPTypes
import Hummingbird
import SamhandCore
import SamhandService

/// Recording, listing and withdrawing consents, and the consents about to expire.
struct ConsentRoutes {
  let service: SamhandService

  var routes: [APIRoute] {
    [
      APIRoute.create("/v1/recipients/{recipientId}/consents", service: service) {
        [service] request, context in
        let recipient = try context.id("recipientId", RecipientKind.self)
        let body = try await JSONBody.decode(NewConsentBody.self, from: request, context: context)
        let scope = SamhandService.ConsentScope(
          services: try Field.services(body.services ?? [], field: "services"),
          staff: try (body.staff ?? []).enumerated().map {
            try Field.staffID($1, field: "staff.\($0)")
          },
          categories: try Field.categories(body.categories, field: "categories"))
        let givenBy = try body.givenBy.map { text in
          guard let value = Consent.GivenBy(rawValue: text) else {
            throw Problem.invalid("givenBy", "'givenBy' must be recipient or guardian")
          }
          return value
        }
        let form = try body.form.map { text in
          guard let value = Consent.Form(rawValue: text) else {
            throw Problem.invalid("form", "'form' must be written or oral")
          }
          return value
        }
        let validFrom = try Field.date(body.validFrom, field: "validFrom")
        let validUntil = try Field.date(body.validUntil, field: "validUntil")
        let purpose = try Field.text(body.purpose, field: "purpose", max: 500)
        let (actor, options) = (try context.requireActor(), try context.options(request))
        let id = try await Blocking.run {
          try service.addConsent(
            recipient: recipient, scope: scope, purpose: purpose, givenBy: givenBy ?? .recipient,
            form: form ?? .written, documentReference: body.documentReference,
            validFrom: validFrom, validUntil: validUntil, as: actor, options: options)
        }
        return CreatedResource(
          id: id.rawValue, location: "/v1/recipients/\(recipient)/consents")
      },
      APIRoute(
        .get, "/v1/recipients/{recipientId}/consents", authentication: .bearerConfirmedByGate
      ) { [service] request, context in
        let recipient = try context.id("recipientId", RecipientKind.self)
        _ = try Page<ConsentRepresentation>([], request: request)
        let consents = try await AuditedRead.run(service, request, context) { actor, options in
          try service.consents(of: recipient, as: actor, options: options)
        }
        return try Reply.json(Page(consents.map(ConsentRepresentation.init), request: request))
      },
      APIRoute(.get, "/v1/consents/expiring") { [service] request, context in
        let days = try request.integerQuery("days", in: 0...366, default: 30)
        let (actor, options) = (try context.requireActor(), try context.options(request))
        _ = try Page<ConsentRepresentation>([], request: request)
        let consents = try await Blocking.run {
          try service.expiringConsents(within: days, as: actor, options: options)
        }
        return try Reply.json(Page(consents.map(ConsentRepresentation.init), request: request))
      },
      APIRoute(.post, "/v1/consents/{consentId}/withdraw") { [service] request, context in
        let id = try context.id("consentId", ConsentKind.self)
        try Preconditions.requireLive(request, id: id.rawValue)
        let (actor, options) = (try context.requireActor(), try context.options(request))
        try await Preconditions.stale {
          try await Blocking.run { try service.withdrawConsent(id, as: actor, options: options) }
        }
        return Reply.noContent()
      },
    ]
  }
}

/// `If-Match` on updates of consents and blocks. Both only move forward (live, then withdrawn
/// or lifted), so the only state an update can apply to is version 1: `If-Match` must name
/// `"<id>.1"`. The check needs no lookup, so it tells a denied caller nothing.
enum Preconditions {
  static func requireLive(_ request: Request, id: String) throws {
    guard let ifMatch = request.headers[.ifMatch] else {
      throw Problem(
        .preconditionRequired,
        detail: "send If-Match with the ETag you last saw (\(VersionTag.etag(id: id, version: 1)))",
        field: "If-Match")
    }
    let tags = ifMatch.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    guard tags.contains(VersionTag.etag(id: id, version: 1)) else {
      throw Problem(
        .preconditionFailed, detail: "the ETag in If-Match is not the current one",
        field: "If-Match")
    }
  }

  /// Runs an update; its "already withdrawn/lifted" conflict means the If-Match was stale.
  static func stale(_ update: () async throws -> Void) async throws {
    do {
      try await update()
    } catch ServiceError.conflict {
      throw Problem(
        .preconditionFailed, detail: "the resource changed since the ETag in If-Match",
        field: "If-Match")
    }
  }
}
