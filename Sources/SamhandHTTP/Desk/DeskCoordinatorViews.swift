import Foundation
import SamhandCore
import SamhandService

/// The agenda grouped by recipient, overdue first: a recipient with anything overdue comes
/// before one without, and within each the items keep the agenda's order. Each group is
/// headed by the recipient's name where the agenda could show it.
struct AgendaView {
  let today: String
  let groups: [AgendaGroup]
  let isEmpty: Bool
  let overdueCount: Int
  let hasOverdue: Bool

  init(_ agenda: Agenda) {
    today = agenda.today.description
    var order: [RecipientID] = []
    var rows: [RecipientID: [AgendaRow]] = [:]
    for item in agenda.items {
      if rows[item.recipient] == nil { order.append(item.recipient) }
      rows[item.recipient, default: []].append(AgendaRow(item))
    }
    let names = Dictionary(
      (agenda.recipients ?? []).map { ($0.id, $0.name.text) },
      uniquingKeysWith: { first, _ in first })
    let grouped = order.map {
      AgendaGroup(recipientId: $0.rawValue, name: names[$0], items: rows[$0] ?? [])
    }
    groups = grouped.filter(\.hasOverdue) + grouped.filter { !$0.hasOverdue }
    isEmpty = agenda.items.isEmpty
    overdueCount = agenda.items.filter(\.overdue).count
    hasOverdue = overdueCount > 0
  }
}

struct AgendaGroup {
  let recipientId: String
  /// Nil where the actor may not see the recipient's identity.
  let name: String?
  let items: [AgendaRow]
  var hasOverdue: Bool { items.contains(where: \.overdue) }
}

struct AgendaRow {
  let kind: String
  let subject: String
  let due: String
  let overdue: Bool

  init(_ item: AgendaItem) {
    kind = DeskText.agendaKind(item.kind)
    subject = item.subject
    due = item.due.description
    overdue = item.overdue
  }
}

struct CaseloadView {
  let recipients: [RecipientRow]
  let next: String?
  let notFound: Bool
}

struct RecipientRow {
  let id: String
  let name: String
  let nationalId: String
  let registeredBy: String

  init(_ recipient: Recipient) {
    id = recipient.id.rawValue
    name = recipient.name.text
    nationalId = recipient.nationalID.description
    registeredBy = recipient.registeredBy.rawValue
  }
}
