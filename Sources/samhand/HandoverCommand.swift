import ArgumentParser
import Foundation
import SamhandCore
import SamhandService

struct HandoverCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "handover",
    abstract: "Handovers between services: propose, send, accept, reject, withdraw, checklists.",
    subcommands: [
      Propose.self, Send.self, Accept.self, Reject.self, Withdraw.self, Complete.self, Show.self,
      List.self,
      Inbox.self, Holder.self, Checklist.self, Check.self, AddItem.self,
      TemplateCommand.self,
    ])

  /// The handover id and the version the change was made against (If-Match).
  struct Target: ChangeTarget {
    @Argument(help: "Handover id.") var id: String
    @Option(name: .long, help: "Refuse the change unless the handover is still at this version.")
    var ifVersion: Int?

    var aggregate: HandoverID { HandoverID(rawValue: id) }
  }

  struct Propose: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Propose a handover (transfer moves responsibility on acceptance; referral not).")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var actorOptions: ActorOptions
    @Option(name: .long, help: "Recipient id.") var recipient: String
    @Option(
      name: .long,
      help: """
        discharge-to-aftercare, prison-release, turning-18, relocation, coordinator-change or \
        service-transfer.
        """)
    var kind: String
    @Option(name: .long, help: "transfer or referral.") var mode: String
    @Option(name: .long, help: "Staff id of the receiver.") var toStaff: String?
    @Option(name: .long, help: "Service code of the receiver (default: the staff's service).")
    var toService: String?
    @Option(name: .long, help: "Planned date (YYYY-MM-DD).") var planned: String
    @Option(name: .long, help: "Notes for the receiver (sealed).") var notes: String?
    @Flag(name: .long, help: "Keep it as a draft instead of proposing it now.") var draft = false

    func run() throws {
      let proposal = HandoverProposal(
        recipient: RecipientID(rawValue: recipient), kind: kind, mode: mode,
        toStaff: toStaff.map(StaffID.init(rawValue:)), toService: toService,
        plannedDate: planned, notes: notes, draft: draft)
      let created = try options.open().proposeHandover(
        proposal, as: actorOptions.actor(), options: actorOptions.options)
      try options.render(Output.Created(id: created.id.rawValue)) {
        "\(draft ? "Drafted" : "Proposed") handover \(created.id)."
      }
    }
  }

  struct Accept: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Accept a handover (receiving side); a transfer moves responsibility now.")
    @OptionGroup var change: ChangeOptions<Target>

    func run() throws {
      try change.apply({ service, id, version, actor, request in
        try service.acceptHandover(id, expectedVersion: version, as: actor, options: request)
      }) { "Accepted handover \($0.id)." }
    }
  }

  struct Reject: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Reject a handover (receiving side), with a category and a reason.")
    @OptionGroup var change: ChangeOptions<Target>
    @Option(
      name: .long,
      help: """
        Why, in a word the municipality counts: \
        \(HandoverRejectionCategory.allCases.map(\.rawValue).joined(separator: ", ")).
        """) var category: String
    @Option(name: .long, help: "Why, so the sender knows what to do next.") var reason: String?

    func run() throws {
      let category: HandoverRejectionCategory
      do { category = try HandoverRejectionCategory(parsing: self.category) } catch {
        throw CommandLineError.invalid(error.description)
      }
      try change.apply({ service, id, version, actor, request in
        try service.rejectHandover(
          id, category: category, reason: reason ?? "", expectedVersion: version, as: actor,
          options: request)
      }) { "Rejected handover \($0.id)." }
    }
  }

  struct Withdraw: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Withdraw a handover (sending side).")
    @OptionGroup var change: ChangeOptions<Target>
    @Option(name: .long, help: "Why (optional).") var reason: String?

    func run() throws {
      try change.apply({ service, id, version, actor, request in
        try service.withdrawHandover(
          id, reason: reason, expectedVersion: version, as: actor, options: request)
      }) { "Withdrew handover \($0.id)." }
    }
  }

  struct Complete: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Mark an accepted handover completed (receiving side).")
    @OptionGroup var change: ChangeOptions<Target>

    func run() throws {
      try change.apply({ service, id, version, actor, request in
        try service.completeHandover(id, expectedVersion: version, as: actor, options: request)
      }) { "Completed handover \($0.id)." }
    }
  }

  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show a handover.")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var actorOptions: ActorOptions
    @Argument(help: "Handover id.") var id: String

    func run() throws {
      let record = try options.open().showHandover(
        HandoverID(rawValue: id), as: actorOptions.actor(), options: actorOptions.options)
      try options.render(record) { HandoverCommand.text(record) }
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List a recipient's handovers.")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var actorOptions: ActorOptions
    @Option(name: .long, help: "Recipient id.") var recipient: String

    func run() throws {
      let list = try options.open().handovers(
        of: RecipientID(rawValue: recipient), as: actorOptions.actor(),
        options: actorOptions.options)
      try options.render(list) { list.map(HandoverCommand.line).joined(separator: "\n") }
    }
  }

  struct Inbox: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Handovers awaiting you or your service, your outgoing ones, what is overdue.")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var actorOptions: ActorOptions

    func run() throws {
      let inbox = try options.open().handoverInbox(
        as: actorOptions.actor(), options: actorOptions.options)
      try options.render(inbox) { HandoverCommand.text(inbox) }
    }
  }

  struct Holder: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Who holds responsibility for a recipient now.")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var actorOptions: ActorOptions
    @Option(name: .long, help: "Recipient id.") var recipient: String

    func run() throws {
      let holder = try options.open().responsibilityHolder(
        of: RecipientID(rawValue: recipient), as: actorOptions.actor(),
        options: actorOptions.options)
      try options.render(holder) {
        "\(holder.staff?.rawValue ?? "(no one named)")  \(holder.service)  since "
          + Output.time(holder.since) + (holder.viaHandover.map { "  via \($0)" } ?? "")
      }
    }
  }
}
