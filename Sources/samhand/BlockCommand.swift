import ArgumentParser
import SamhandCore
import SamhandService

struct BlockCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "block", abstract: "Record and lift a recipient's blocks (sperring).",
    subcommands: [Add.self, Lift.self, List.self])

  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Block a staff member or a whole service from the recipient's information.")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var actorOptions: ActorOptions
    @Option(name: .long, help: "Recipient id.") var recipient: String
    @Option(name: .long, help: "Staff id to block.") var staff: String?
    @Option(name: .long, help: "Service code to block.") var service: String?
    @Option(name: .long, help: "Comma-separated categories (default: all).") var categories = ""
    @Option(name: .long, help: "The recipient's reason, if they give one.") var reason: String?

    func run() throws {
      let target: Block.Target
      switch (staff, service) {
      case (let staff?, nil): target = .staff(StaffID(rawValue: staff))
      case (nil, let service?): target = .service(try ServiceCode(service))
      default: throw CommandLineError.invalid("name exactly one of --staff and --service")
      }
      let id = try options.open().addBlock(
        recipient: RecipientID(rawValue: recipient), target: target,
        categories: try Parse.categories(categories), reason: reason, as: actorOptions.actor(),
        options: actorOptions.options)
      try options.render(Output.Created(id: id.rawValue)) { "Recorded block \(id)." }
    }
  }

  struct Lift: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Lift a block.")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var actorOptions: ActorOptions
    @Argument(help: "Block id.") var id: String

    func run() throws {
      try options.open().liftBlock(
        BlockID(rawValue: id), as: actorOptions.actor(), options: actorOptions.options)
      try options.render(Output.Created(id: id)) { "Lifted block \(id)." }
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List a recipient's blocks.")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var actorOptions: ActorOptions
    @Option(name: .long, help: "Recipient id.") var recipient: String

    func run() throws {
      let blocks = try options.open().blocks(
        of: RecipientID(rawValue: recipient), as: actorOptions.actor(),
        options: actorOptions.options)
      try options.render(blocks) {
        blocks.map { block in
          let target: String
          switch block.target {
          case .staff(let id): target = "staff \(id)"
          case .service(let code): target = "service \(code)"
          }
          let categories =
            block.categories.isEmpty
            ? "all" : block.categories.map(\.rawValue).joined(separator: ",")
          return "\(block.id)  \(target): \(categories)\(block.isLive ? "" : "  LIFTED")"
        }.joined(separator: "\n")
      }
    }
  }
}

struct BreakGlassCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "break-glass",
    abstract: "Emergency access: read one recipient for a limited time, with a stated reason.",
    discussion: "Every read under it is flagged in the audit log and reviewed by an auditor.")

  @OptionGroup var options: GlobalOptions
  @OptionGroup var actorOptions: ActorOptions
  @Option(name: .long, help: "Recipient id.") var recipient: String
  @Option(name: .long, help: "Why this cannot wait (required).") var reason: String

  func run() throws {
    let grant = try options.open().breakGlass(
      recipient: RecipientID(rawValue: recipient), reason: reason, as: actorOptions.actor(),
      options: actorOptions.options)
    try options.render(grant) {
      "Emergency access \(grant.id) to \(grant.recipientID) until \(Output.time(grant.expiresAt))."
    }
  }
}
