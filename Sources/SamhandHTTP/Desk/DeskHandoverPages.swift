import Hummingbird
import SamhandCore
import SamhandService

/// The handover inbox (`GET /v1/handovers/inbox`): incoming for me and for my service,
/// outgoing and overdue, with accept and reject-with-reason (`POST
/// /v1/handovers/{id}/accept`, `/reject`).
struct DeskHandoverPages {
  let service: SamhandService

  func add(to pages: RouterGroup<SamhandRequestContext>) {
    pages.page("handovers") { [service] _, _, visit in
      let inbox = try await Blocking.run {
        try service.handoverInbox(as: visit.actor, options: visit.options)
      }
      return try DeskPage.render(
        "handovers",
        DeskView(
          title: "Overganger", layout: visit.layout,
          content: InboxView(inbox, actor: visit.actor.staffID)))
    }
    pages.form("handovers/:handoverId/accept") { [service] _, context, visit in
      let id = try context.id("handoverId", HandoverIDKind.self)
      _ = try await Blocking.run {
        try service.acceptHandover(id, as: visit.actor, options: visit.options)
      }
      return DeskPage.redirect("/desk/handovers")
    }
    pages.form("handovers/:handoverId/reject") { [service] _, context, visit in
      let id = try context.id("handoverId", HandoverIDKind.self)
      let category = try Field.rejectionCategory(
        visit.form.required("category", label: "Årsak"), field: "category")
      let reason = try Field.text(
        visit.form.required("reason", label: "Begrunnelse"), field: "reason", max: 500)
      _ = try await Blocking.run {
        try service.rejectHandover(
          id, category: category, reason: reason, as: visit.actor, options: visit.options)
      }
      return DeskPage.redirect("/desk/handovers")
    }
  }
}

/// The inbox's four lists as rows.
struct InboxView {
  let incoming: [InboxRow]
  let incomingForService: [InboxRow]
  let outgoing: [InboxRow]
  let overdue: [InboxRow]

  init(_ inbox: HandoverInbox, actor: StaffID) {
    incoming = inbox.incoming.map { InboxRow($0, actor: actor, canAnswer: true) }
    incomingForService = inbox.incomingForService.map {
      InboxRow($0, actor: actor, canAnswer: true)
    }
    outgoing = inbox.outgoing.map { InboxRow($0, actor: actor, canAnswer: false) }
    overdue = inbox.overdue.map { InboxRow($0, actor: actor, canAnswer: false) }
  }
}

struct InboxRow {
  let handover: HandoverRow
  let lateNotice: Bool
  let overdue: Bool
  /// Accept and reject forms: on proposals to the actor or their service.
  let canAnswer: Bool
  let rejectionCategories = DeskOption.rejectionCategories

  init(_ entry: HandoverInboxEntry, actor: StaffID, canAnswer: Bool) {
    handover = HandoverRow(entry.handover, actor: actor)
    lateNotice = entry.isLateNotice
    overdue = entry.isOverdue
    self.canAnswer = canAnswer && entry.handover.state == .proposed
  }
}
