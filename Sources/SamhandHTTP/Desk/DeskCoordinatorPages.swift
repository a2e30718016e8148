import Foundation
import Hummingbird
import SamhandCore
import SamhandService

/// The coordinator's day: the agenda, the caseload (with search by national id), a
/// recipient's page, and the forms for a goal, a measure, a revision and a handover proposal.
/// Each read is the API's use case: `GET /v1/agenda?names=true`, `GET /v1/caseload`, `POST
/// /v1/recipients/search`, and on a recipient's page `GET /v1/recipients/{id}`,
/// `.../responsibility`, `.../plans` and `.../handovers`.
struct DeskCoordinatorPages {
  let service: SamhandService

  func add(to pages: RouterGroup<SamhandRequestContext>) {
    pages.page("") { [service] _, _, visit in
      let agenda = try await Blocking.run {
        try service.agenda(as: visit.actor, names: true, options: visit.options)
      }
      return try DeskPage.render(
        "agenda", DeskView(title: "Min agenda", layout: visit.layout, content: AgendaView(agenda)))
    }
    pages.page("caseload") { [service] request, _, visit in
      let page = try Page<RecipientRepresentation>.request(request)
      let recipients = try await Blocking.run {
        try service.caseload(as: visit.actor, page: page, options: visit.options)
      }
      return try Self.caseload(recipients, visit, notFound: false)
    }
    pages.form("caseload/search") { [service] _, _, visit in
      let nationalID = try visit.form.required("nationalId", label: "Fødselsnummer")
      do {
        let id = try await Blocking.run {
          try service.findRecipient(nationalID: nationalID, as: visit.actor, options: visit.options)
        }
        return DeskPage.redirect("/desk/recipients/\(id)")
      } catch ServiceError.notFound {
        return try Self.caseload(ListPage(items: [], next: nil), visit, notFound: true)
      }
    }
    pages.page("recipients/:recipientId") { [service] _, context, visit in
      let id = try context.id("recipientId", RecipientKind.self)
      let view = try await Blocking.run { try RecipientPageView.read(id, service, visit) }
      return try DeskPage.render(
        "recipient", DeskView(title: view.name, layout: visit.layout, content: view))
    }
    DeskPlanForms(service: service).add(to: pages)
  }

  private static func caseload(
    _ recipients: ListPage<Recipient>, _ visit: DeskVisit, notFound: Bool
  ) throws -> Response {
    let view = CaseloadView(
      recipients: recipients.items.map(RecipientRow.init),
      next: recipients.next.map { Page<RecipientRepresentation>(ListPage(items: [], next: $0)) }?
        .nextCursor,
      notFound: notFound)
    return try DeskPage.render(
      "caseload", DeskView(title: "Mine tjenestemottakere", layout: visit.layout, content: view),
      status: notFound ? .notFound : .ok)
  }
}
