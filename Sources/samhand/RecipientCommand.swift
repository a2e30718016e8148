import ArgumentParser
import Foundation
import SamhandCore
import SamhandHTTP
import SamhandService

struct RecipientCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "recipient", abstract: "Register, show, find and list recipients.",
    subcommands: [
      Add.self, Show.self, Find.self, List.self, Assign.self, Unassign.self, AccessLog.self,
      Update.self, History.self, Export.self,
    ])

  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Register a recipient in your service.")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var actorOptions: ActorOptions
    @Option(name: .long, help: "Full name.") var name: String
    @Option(name: .long, help: "National id (11 digits; fødselsnummer or D-number).")
    var nationalId: String
    @Option(name: .long, help: "Contact data (phone, address).") var contact: String?
    @Option(name: .long, help: "Register in this service (default: your only one).")
    var service: String?
    @Option(
      name: .long,
      help: ArgumentHelp(
        "Next of kin as NAME:RELATION[:CONTACT]; repeat. Use --child for children.",
        valueName: "RELATIVE"))
    var relative: [String] = []
    @Option(
      name: .long, help: ArgumentHelp("A child as next of kin, NAME:RELATION.", valueName: "CHILD"))
    var child: [String] = []

    func run() throws {
      let relatives =
        try relative.map { try Self.relative($0, isChild: false) }
        + child.map { try Self.relative($0, isChild: true) }
      let id = try options.open().registerRecipient(
        name: name, nationalID: nationalId, contact: contact, relatives: relatives,
        service: try service.map { try ServiceCode($0) }, as: actorOptions.actor(),
        options: actorOptions.options)
      try options.render(Output.Created(id: id.rawValue)) { "Registered \(id)." }
    }

    static func relative(_ text: String, isChild: Bool) throws -> NewRelative {
      let parts = text.split(separator: ":", maxSplits: 2).map(String.init)
      guard parts.count >= 2 else {
        throw CommandLineError.invalid("next of kin '\(text)': use NAME:RELATION[:CONTACT]")
      }
      return NewRelative(
        name: parts[0], relation: parts[1], contact: parts.count > 2 ? parts[2] : nil,
        isChild: isChild)
    }
  }

  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show a recipient.")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var actorOptions: ActorOptions
    @Argument(help: "Recipient id.") var id: String

    func run() throws {
      let recipient = try options.open().showRecipient(
        RecipientID(rawValue: id), as: actorOptions.actor(), options: actorOptions.options)
      try options.render(RecipientRepresentation(recipient)) { Self.text(recipient) }
    }

    static func text(_ recipient: Recipient) -> String {
      var lines = [
        "\(recipient.id)  \(recipient.name)",
        "national id   \(recipient.nationalID)",
        "contact       \(recipient.contact.map { $0 ?? "-" })",
        "registered by \(recipient.registeredBy) at \(Output.time(recipient.createdAt))",
        "version       \(recipient.version)",
      ]
      for relative in recipient.relatives {
        let child = relative.isChild ? " (child)" : ""
        lines.append("next of kin   \(relative.name), \(relative.relation)\(child)  \(relative.id)")
      }
      return lines.joined(separator: "\n")
    }
  }

  struct Find: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Find a recipient by national id, among those you may see.")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var actorOptions: ActorOptions
    @Option(name: .long, help: "National id.") var nationalId: String

    func run() throws {
      let id = try options.open().findRecipient(
        nationalID: nationalId, as: actorOptions.actor(), options: actorOptions.options)
      try options.render(Output.Created(id: id.rawValue)) { id.rawValue }
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List your caseload.",
      discussion: """
        With --limit, one page; the position for the next page is printed on standard error \
        as "next: POSITION", to pass as --after.
        """)
    @OptionGroup var options: GlobalOptions
    @OptionGroup var actorOptions: ActorOptions
    @OptionGroup var paging: PageOptions

    func run() throws {
      let page = try options.open().caseload(
        as: actorOptions.actor(), page: try paging.request, options: actorOptions.options)
      paging.announceNext(page)
      let recipients = page.items
      try options.render(recipients.map(RecipientRepresentation.init)) {
        recipients.map { "\($0.id)\t\($0.name)\t\($0.registeredBy)" }.joined(separator: "\n")
      }
    }
  }

  struct Assign: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Bring a staff member into the recipient's care.")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var actorOptions: ActorOptions
    @Argument(help: "Recipient id.") var id: String
    @Option(name: .long, help: "Staff id to assign.") var staff: String

    func run() throws {
      try options.open().assign(
        StaffID(rawValue: staff), to: RecipientID(rawValue: id), as: actorOptions.actor(),
        options: actorOptions.options)
      try options.render(Output.Created(id: id)) { "Assigned \(staff) to \(id)." }
    }
  }

  struct Unassign: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "End an assignment.")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var actorOptions: ActorOptions
    @Argument(help: "Recipient id.") var id: String
    @Option(name: .long, help: "Staff id to unassign.") var staff: String

    func run() throws {
      try options.open().unassign(
        StaffID(rawValue: staff), from: RecipientID(rawValue: id), as: actorOptions.actor(),
        options: actorOptions.options)
      try options.render(Output.Created(id: id)) { "Unassigned \(staff) from \(id)." }
    }
  }

  struct AccessLog: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "access-log",
      abstract: "Who has looked at this recipient's information (for an access request).",
      discussion: """
        With --proofs it prints, as JSON, an extract that proves itself: every entry with
        its audit entry and an inclusion proof against a signed checkpoint (written now),
        which `samhand audit check-extract` checks offline with the log's public key.
        """)
    @OptionGroup var options: GlobalOptions
    @OptionGroup var actorOptions: ActorOptions
    @Argument(help: "Recipient id.") var id: String
    @Flag(name: .long, help: "Print a JSON extract with an inclusion proof for every entry.")
    var proofs = false

    func run() throws {
      if proofs {
        let extract = try options.open().accessLogExtract(
          of: RecipientID(rawValue: id), as: actorOptions.actor(), options: actorOptions.options)
        print(try Output.json(extract))
        return
      }
      let entries = try options.open().accessLog(
        of: RecipientID(rawValue: id), as: actorOptions.actor(), options: actorOptions.options)
      try options.render(entries) {
        entries.map { entry in
          let who = entry.staffName.map { "\($0) (\(entry.staffID))" } ?? entry.staffID
          let flags =
            (entry.breakGlass ? " EMERGENCY ACCESS" : "") + (entry.allowed ? "" : " DENIED")
          let origin =
            (entry.osUser.map { "  os user: \($0)" } ?? "")
            + (entry.policyDigest.map { "  policies: \($0.prefix(12))" } ?? "")
          return
            "\(Output.time(entry.time))  \(who), \(entry.service ?? "-")  \(entry.action)  purpose: \(entry.purpose.flatMap { $0.isEmpty ? nil : $0 } ?? "none stated")\(flags)\(origin)"
        }.joined(separator: "\n")
      }
    }
  }
}
