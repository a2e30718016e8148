import Hummingbird
import SamhandCore
import SamhandService

/// The caller's agenda: what needs them now, decided and audited recipient by recipient;
/// with `names=true` the recipients' names too, each a look at their identity (audited).
struct AgendaRoutes {
  let service: SamhandService

  var routes: [APIRoute] {
    [
      APIRoute(.get, "/v1/agenda") { [service] request, context in
        let names = try request.booleanQuery("names", default: false)
        let (actor, options) = (try context.requireActor(), try context.options(request))
        let agenda = try await Blocking.run {
          try service.agenda(as: actor, names: names, options: options)
        }
        return try Reply.json(agenda)
      }
    ]
  }
}
