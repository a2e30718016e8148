import ArgumentParser
import Foundation
import SamhandCore
import SamhandService

/// `samhand notice send`: tell the coordinating unit that a recipient may need a plan or a
/// coordinator (helsepersonelloven §38a).
struct NoticeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "notice", abstract: "Notices to the coordinating unit.",
    subcommands: [Send.self])

  struct Send: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Tell the coordinating unit that a recipient may need a plan or a coordinator.")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var actorOptions: ActorOptions
    @Option(help: "Recipient id.") var recipient: String
    @Option(help: "plan or coordinator.") var need: String
    @Option(help: "A note for the unit (sealed; write only what it needs).") var note: String?

    func run() throws {
      let id = try options.open().sendNotice(
        recipient: RecipientID(rawValue: recipient), need: need, note: note,
        as: actorOptions.actor(), options: actorOptions.options)
      try options.render(Output.Created(id: id.rawValue)) { "Sent notice \(id)." }
    }
  }
}
