import ArgumentParser
import Foundation
import SamhandCore
import SamhandService

extension HandoverCommand {
  struct Checklist: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show a handover's checklist.")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var actorOptions: ActorOptions
    @Argument(help: "Handover id.") var id: String

    func run() throws {
      let record = try options.open().showHandover(
        HandoverID(rawValue: id), as: actorOptions.actor(), options: actorOptions.options)
      try options.render(record.checklist) { HandoverCommand.text(record.checklist) }
    }
  }

  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Mark a checklist item done (or, with --reopen, open again).")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var actorOptions: ActorOptions
    @OptionGroup var target: Target
    @Argument(help: "Item key (see `handover checklist`).") var item: String
    @Flag(name: .long, help: "Mark the item open again.") var reopen = false

    func run() throws {
      let result = try options.open().markChecklistItem(
        target.aggregate, item: item, done: !reopen, expectedVersion: target.ifVersion,
        as: actorOptions.actor(), options: actorOptions.options)
      try options.render(result) {
        "\(reopen ? "Reopened" : "Checked") \(item) on handover \(result.id)."
      }
    }
  }

  struct AddItem: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add-item", abstract: "Add an item of your own to a handover's checklist.")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var actorOptions: ActorOptions
    @OptionGroup var target: Target
    @Argument(help: "What needs doing.") var text: String

    func run() throws {
      let result = try options.open().addChecklistItem(
        target.aggregate, label: text, expectedVersion: target.ifVersion, as: actorOptions.actor(),
        options: actorOptions.options)
      try options.render(result) { "Added an item to handover \(result.id)." }
    }
  }

  struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "checklist-template",
      abstract: "The municipality's checklist per handover kind (administration).",
      subcommands: [ShowTemplate.self, SetTemplate.self])
  }

  struct ShowTemplate: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "show", abstract: "Show the checklist in force for a kind.")
    @OptionGroup var options: GlobalOptions
    @Argument(help: "Handover kind.") var kind: String

    func run() throws {
      let items = try options.open().checklistTemplate(try HandoverKind(parsing: kind))
      try options.render(items) {
        items.map { "\($0.key)\t\($0.label)" }.joined(separator: "\n")
      }
    }
  }

  struct SetTemplate: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "set", abstract: "Set the municipality's checklist for a kind.")
    @OptionGroup var options: GlobalOptions
    @Argument(help: "Handover kind.") var kind: String
    @Option(name: .customLong("item"), help: "An item as KEY=TEXT; repeat in order.")
    var items: [String] = []

    func run() throws {
      let parsed = try items.map { text in
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2 else {
          throw ValidationError("an item is KEY=TEXT, got '\(text)'")
        }
        return ChecklistItem(key: parts[0], label: parts[1])
      }
      let handoverKind = try HandoverKind(parsing: kind)
      try options.open().setChecklistTemplate(handoverKind, items: parsed, by: Output.osUser)
      try options.render(Output.Created(id: kind)) {
        "Set the checklist for \(kind) (\(parsed.count) items)."
      }
    }
  }
}

extension HandoverCommand {
  static func line(_ handover: Handover) -> String {
    let to = handover.toStaff.map { "\($0)@\(handover.toService)" } ?? "\(handover.toService)"
    return "\(handover.id)  \(handover.kind.rawValue)  \(handover.mode.rawValue)  "
      + "\(handover.fromStaff) -> \(to)  \(handover.plannedDate)  \(handover.state.rawValue)"
  }

  static func text(_ record: HandoverRecord) -> String {
    var lines = [
      line(record.handover), "Version: \(record.version)",
      "Notes: \(record.notes.value.flatMap { $0 } ?? (record.notes == .erased ? "[erased]" : "-"))",
    ]
    if let reason = record.reason.value.flatMap({ $0 }) { lines.append("Reason: \(reason)") }
    lines.append("Checklist:")
    lines.append(text(record.checklist))
    return lines.joined(separator: "\n")
  }

  static func text(_ checklist: [HandoverChecklistEntry]) -> String {
    checklist.map { item in
      "[\(item.doneAt == nil ? " " : "x")] \(item.key)  \(item.label.value ?? "[erased]")"
    }.joined(separator: "\n")
  }

  static func text(_ inbox: HandoverInbox) -> String {
    func section(_ title: String, _ entries: [HandoverInboxEntry]) -> String {
      let rows = entries.map { entry in
        line(entry.handover) + (entry.isLateNotice ? "  LATE NOTICE" : "")
          + (entry.isOverdue ? "  OVERDUE" : "")
      }
      return "\(title):\n"
        + (rows.isEmpty ? "  (none)" : rows.map { "  " + $0 }.joined(separator: "\n"))
    }
    return [
      section("Awaiting you", inbox.incoming),
      section("Awaiting your service", inbox.incomingForService),
      section("Your outgoing, not yet accepted", inbox.outgoing),
      section("Overdue", inbox.overdue),
    ].joined(separator: "\n")
  }
}
