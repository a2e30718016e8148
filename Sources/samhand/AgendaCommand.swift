import ArgumentParser
import SamhandCore
import SamhandService

/// `samhand agenda`: what needs the acting staff member now, overdue first.
struct AgendaCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "agenda",
    abstract:
      "What needs you now: revisions, meetings, consents ending, action items, handovers, "
      + "minors turning 18.")
  @OptionGroup var options: GlobalOptions
  @OptionGroup var actorOptions: ActorOptions

  func run() throws {
    let agenda = try options.open().agenda(
      as: actorOptions.actor(), options: actorOptions.options)
    try options.render(agenda) { Self.text(agenda) }
  }

  /// One line per item, grouped by kind in agenda order.
  static func text(_ agenda: Agenda) -> String {
    guard !agenda.items.isEmpty || !agenda.staffWarnings.isEmpty else {
      return "Nothing on your agenda for \(agenda.today)."
    }
    var lines = ["Agenda for \(agenda.today)"]
    if !agenda.staffWarnings.isEmpty {
      lines += ["", "Staff warnings (\(agenda.staffWarnings.count))"]
      lines += agenda.staffWarnings.map { "  \($0)" }
    }
    for kind in AgendaItem.Kind.allCases {
      let items = agenda.items(of: kind)
      guard !items.isEmpty else { continue }
      lines.append("")
      lines.append("\(heading(kind)) (\(items.count))")
      lines += items.map { item in
        let state = item.overdue ? "OVERDUE" : "due    "
        return "  \(state) \(item.due)  \(item.kind.subjectKind) \(item.subject)  "
          + "recipient \(item.recipient)"
      }
    }
    return lines.joined(separator: "\n")
  }

  private static func heading(_ kind: AgendaItem.Kind) -> String {
    switch kind {
    case .planRevision: return "Plan revisions"
    case .groupMeeting: return "Group meetings"
    case .consentEnding: return "Consents ending"
    case .actionItem: return "Action items"
    case .handoverAwaiting: return "Handovers awaiting you"
    case .handoverOutgoing: return "Your handovers not yet accepted"
    case .handoverChecklist: return "Open handover checklist items"
    case .turning18: return "Turning 18"
    }
  }
}
