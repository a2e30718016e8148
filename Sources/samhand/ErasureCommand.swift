import ArgumentParser
import Foundation
import SamhandCore
import SamhandHTTP
import SamhandService

struct ErasureCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "erasure",
    abstract: "Erase a recipient with four eyes: care staff request, a leader decides.",
    discussion: """
      Approval destroys the recipient's data key (crypto-shredding): every sealed field reads
      [erased] from then on, in every process at once. Backups taken before it still hold the
      key wrapped under a key-encryption key version; `erasure status` names the versions to
      retire, and when, for the erasure to reach every backup.
      """,
    subcommands: [Request.self, Approve.self, Reject.self, List.self, Status.self])

  struct Request: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Ask for a recipient to be erased.",
      discussion: """
        Refused while the recipient has an open plan, group or handover, under a legal hold,
        and on the ground retention-expired while the retention period runs (the refusal
        names the first day the record may be erased).
        """)
    @OptionGroup var options: GlobalOptions
    @OptionGroup var actorOptions: ActorOptions
    @Option(name: .long, help: "Recipient id.") var recipient: String
    @Option(name: .long, help: "registered-in-error, retention-expired or objection.")
    var ground: String
    @Option(name: .long, help: "Why (sealed; reads [erased] once approved).") var reason: String

    func run() throws {
      let id = try options.open().requestErasure(
        of: RecipientID(rawValue: recipient), ground: try ErasureGround(parsing: ground),
        reason: reason, as: actorOptions.actor(), options: actorOptions.options)
      try options.render(Output.Created(id: id.rawValue)) {
        "Requested erasure \(id); a leader of the registering service other than you decides it."
      }
    }
  }

  struct Approve: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Approve an erasure request (a leader, never the requester): erases.")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var actorOptions: ActorOptions
    @Argument(help: "Erasure request id.") var id: String

    func run() throws {
      let report = try options.open().approveErasure(
        ErasureRequestID(rawValue: id), as: actorOptions.actor(), options: actorOptions.options)
      try options.render(ErasureRepresentation(report)) { Status.text(report) }
    }
  }

  struct Reject: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Reject an erasure request (a leader, never the requester).")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var actorOptions: ActorOptions
    @Argument(help: "Erasure request id.") var id: String
    @Option(name: .long, help: "Why the recipient is kept.") var reason: String

    func run() throws {
      try options.open().rejectErasure(
        ErasureRequestID(rawValue: id), reason: reason, as: actorOptions.actor(),
        options: actorOptions.options)
      try options.render(Output.Created(id: id)) { "Rejected erasure request \(id)." }
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "The erasure queue (auditors; leaders of the registering service).")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var actorOptions: ActorOptions
    @Flag(name: .long, help: "Only requests waiting for a decision.") var pending = false

    func run() throws {
      let page = try options.open().erasureRequests(
        pendingOnly: pending, as: actorOptions.actor(), options: actorOptions.options)
      let requests = page.items.map(ErasureRepresentation.init)
      try options.render(requests) { requests.map(\.line).joined(separator: "\n") }
    }
  }

  struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "One erasure request, and which key version to retire, and when, for backups.")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var actorOptions: ActorOptions
    @Argument(help: "Erasure request id.") var id: String

    func run() throws {
      let report = try options.open().erasureStatus(
        ErasureRequestID(rawValue: id), as: actorOptions.actor(), options: actorOptions.options)
      try options.render(ErasureRepresentation(report)) { Self.text(report) }
    }

    static func text(_ report: ErasureReport) -> String {
      let request = report.request
      var lines = [
        ErasureRepresentation(report).line,
        "Reason: \(request.reason.description)",
      ]
      if let rejection = request.rejectionReason.value.flatMap({ $0 }) {
        lines.append("Rejected: \(rejection)")
      }
      if let backups = report.backups {
        lines.append("Database: shredded (data key, blind index and derived dates destroyed)")
        lines.append("Backups: \(backups.instruction)")
      }
      return lines.joined(separator: "\n")
    }
  }
}

struct RetentionCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "retention",
    abstract: "Retention: recipients due for erasure, and legal holds.",
    subcommands: [Due.self, Hold.self])

  struct Due: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Recipients whose retention has run out (ids and dates only).",
      discussion: """
        Not erased, no legal hold, nothing open, and retention_years_after_close past the
        latest of registration and the closing of the last plan, group or handover.
        """)
    @OptionGroup var options: GlobalOptions
    @OptionGroup var actorOptions: ActorOptions

    func run() throws {
      let due = try options.open().retentionDue(
        as: actorOptions.actor(), options: actorOptions.options
      ).items.map(RetentionDueRepresentation.init)
      try options.render(due) { due.map(\.line).joined(separator: "\n") }
    }
  }

  struct Hold: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Set a legal hold (no erasure on any ground while it is set), or clear it.")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var actorOptions: ActorOptions
    @Option(name: .long, help: "Recipient id.") var recipient: String
    @Flag(name: .long, help: "Clear the hold instead.") var clear = false

    func run() throws {
      try options.open().setLegalHold(
        !clear, on: RecipientID(rawValue: recipient), as: actorOptions.actor(),
        options: actorOptions.options)
      try options.render(Output.Created(id: recipient)) {
        "Legal hold \(clear ? "cleared" : "set") on \(recipient)."
      }
    }
  }
}
