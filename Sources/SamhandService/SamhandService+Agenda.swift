import Foundation
import SamhandCore
import SamhandStore

/// The agenda: what needs the actor now (plan revisions, group meetings, consents ending,
/// action items, handovers and their open checklist items, minors turning 18), each item shown
/// only where the policies let the actor see its recipient's
/// records of that kind today.
extension SamhandService {
  /// The actor's agenda on the service clock's Oslo date. On one snapshot (`Gate.list`): the
  /// store finds the candidates (one indexed query per kind, narrowed to the recipients the
  /// policies could allow), the gate decides each recipient and category once and audits
  /// what it shows as `agenda.show`. A leader's open staff warnings (ids only) come with it.
  /// With `names`, the recipients' names too (`agendaNames`).
  public func agenda(
    as actor: Actor, window: AgendaWindow = .standard, names: Bool = false,
    options: RequestOptions
  ) throws -> Agenda {
    let today = CalendarDate.today(clock)
    let query = ListQuery<AgendaItem>(
      name: "agenda", categories: AgendaItem.Kind.allCases.map(\.category),
      fetch: { transaction, staff, visible, _, _ in
        try transaction.agendaCandidates(
          of: staff.id, on: today, window: window, visible: visible)
      },
      target: { .record($0.recipient, $0.kind.category) })
    let items = try gate.list(
      request(actor, .view, "agenda.show", options), query, page: .whole,
      read: { _, item in item }
    ).items
    let warnings = try store.read { try $0.openStaffWarnings(for: actor.staffID) }
    let agenda = Agenda(today: today, items: items, staffWarnings: warnings)
    guard names else { return agenda }
    return Agenda(
      today: today, items: agenda.items, staffWarnings: warnings,
      recipients: try agendaNames(of: agenda.recipientIDs, as: actor, options: options))
  }

  /// The names of the agenda's recipients. A name is sealed identity data, so each is a look
  /// at that recipient's identity: decided on its own and audited as `agenda.name` (one entry
  /// per name shown, one for the list, `Gate.list`); a recipient whose identity the actor may
  /// not see is left out and leaves no entry.
  private func agendaNames(
    of recipients: [RecipientID], as actor: Actor, options: RequestOptions
  ) throws -> [AgendaRecipient] {
    let query = ListQuery<RecipientID>(
      name: "agenda-names", categories: [.identity],
      fetch: { _, _, _, _, _ in recipients }, target: { .record($0, .identity) })
    return try gate.list(
      request(actor, .view, "agenda.name", options), query, page: .whole,
      read: { transaction, id in
        try transaction.recipient(id).map { AgendaRecipient(id: id, name: $0.name) }
      }
    ).items
  }
}
