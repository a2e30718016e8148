import Hummingbird
import SamhandCore
import SamhandService

/// The recipient's Brukerplan life-domain mapping: record the scores of one mapping date, and
/// read every score by date to see the change over time. Mappings are added, never edited, so
/// no `If-Match`; a retried create can carry `Idempotency-Key`.
struct LifeDomainRoutes {
  let service: SamhandService

  var routes: [APIRoute] {
    [
      APIRoute.create("/v1/recipients/{recipientId}/life-domains", service: service) {
        [service] request, context in
        let recipient = try context.id("recipientId", RecipientKind.self)
        let body = try await JSONBody.decode(
          NewLifeDomainMappingBody.self, from: request, context: context)
        let (scores, mappedOn) = try body.parsed()
        let (actor, options) = (try context.requireActor(), try context.options(request))
        try await Blocking.run {
          try service.recordLifeDomainMapping(
            recipient: recipient, scores: scores, mappedOn: mappedOn, as: actor,
            options: options)
        }
        return CreatedResource(
          id: recipient.rawValue, location: "/v1/recipients/\(recipient)/life-domains")
      },
      APIRoute(
        .get, "/v1/recipients/{recipientId}/life-domains", authentication: .bearerConfirmedByGate
      ) { [service] request, context in
        let recipient = try context.id("recipientId", RecipientKind.self)
        _ = try Page<LifeDomainScore>([], request: request)
        let scores = try await AuditedRead.run(service, request, context) { actor, options in
          try service.lifeDomainScores(of: recipient, as: actor, options: options)
        }
        return try Reply.json(Page(scores, request: request))
      },
    ]
  }
}
