import Hummingbird
import SamhandCore
import SamhandService

/// The handover inbox (`GET /v1/handovers/inbox`): incoming for me and for my service,
/// outgoing and overdue, with accept, reject-with-reason and checklist ticks (`POST
/// /v1/handovers/{id}/accept`, `/reject`, `/checklist/{itemKey}/check`). Accept and ticks
/// carry the version the inbox showed, as the API's `If-Match` does.
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
      let version = try visit.form.version()
      _ = try await Blocking.run {
        try service.acceptHandover(
          id, expectedVersion: version, as: visit.actor, options: visit.options)
      }
      return DeskPage.redirect("/desk/handovers")
    }
    pages.form("handovers/:handoverId/checklist/:itemKey/check") { [service] _, context, visit in
      let id = try context.id("handoverId", HandoverIDKind.self)
      let item = try Field.text(
        context.parameters.get("itemKey") ?? "", field: "itemKey", max: 100)
      let version = try visit.form.version()
      _ = try await Blocking.run {
        try service.markChecklistItem(
          id, item: item, expectedVersion: version, as: visit.actor, options: visit.options)
      }
      return DeskPage.redirect("/desk/handovers#handover-\(id)")
    }
    pages.form("handovers/:handoverId/reject") { [service] _, context, visit in
      let id = try context.id("handoverId", HandoverIDKind.self)
      let category = try Field.rejectionCategory(
        visit.form.required("category", label: "Årsak"), field: "category")
      let reason = try Field.text(
        visit.form.required("reason", label: "Begrunnelse"), field: "reason", max: 500)
      let version = try visit.form.version()
      _ = try await Blocking.run {
        try service.rejectHandover(
          id, category: category, reason: reason, expectedVersion: version, as: visit.actor,
          options: visit.options)
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
  /// The version the forms name, so a change made since is refused (412), not applied.
  let version: Int
  /// The open checklist items, each with a tick form while the handover is not final.
  let checklist: [ChecklistRow]
  let hasChecklist: Bool

  init(_ entry: HandoverInboxEntry, actor: StaffID, canAnswer: Bool) {
    handover = HandoverRow(entry.handover, actor: actor)
    lateNotice = entry.isLateNotice
    overdue = entry.isOverdue
    self.canAnswer = canAnswer && entry.handover.state == .proposed
    version = entry.version
    checklist =
      entry.handover.state.isFinal
      ? [] : entry.openChecklist.map { ChecklistRow(key: $0.key, label: $0.label.text) }
    hasChecklist = !checklist.isEmpty
  }
}

/// An open checklist item: its key (in the tick form's address) and its text.
struct ChecklistRow {
  let key: String
  let label: String
}
