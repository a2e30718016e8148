import Hummingbird
import SamhandCore
import SamhandService

/// The caller's agenda: what needs them now, decided and audited recipient by recipient.
struct AgendaRoutes {
  let service: SamhandService

  var routes: [APIRoute] {
    [
      APIRoute(.get, "/v1/agenda") { [service] request, context in
        let (actor, options) = (try context.requireActor(), try context.options(request))
        let agenda = try await Blocking.run { try service.agenda(as: actor, options: options) }
        return try Reply.json(agenda)
      }
    ]
  }
}
