import ArgumentParser
import SamhandCore
import SamhandService

struct ConsentCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "consent", abstract: "Record, withdraw and list consents.",
    subcommands: [Add.self, Withdraw.self, List.self, Expiring.self])

  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Record a consent.")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var actorOptions: ActorOptions
    @Option(name: .long, help: "Recipient id.") var recipient: String
    @Option(name: .long, help: "Comma-separated service codes the consent covers.")
    var services: String = ""
    @Option(name: .long, help: "Comma-separated staff ids the consent names in person.")
    var staff: String = ""
    @Option(
      name: .long,
      help:
        "Comma-separated categories: identity, plan, group, handover, health, substance-use, finances."
    )
    var categories: String
    @Option(name: .customLong("consent-purpose"), help: "What the information may be used for.")
    var consentPurpose = "coordination of services"
    @Option(name: .long, help: "recipient or guardian.") var givenBy = "recipient"
    @Option(name: .long, help: "written or oral.") var form = "written"
    @Option(name: .long, help: "Reference to the signed document.") var document: String?
    @Option(name: .long, help: "First day (YYYY-MM-DD; default today).") var from: String?
    @Option(name: .long, help: "Last day (YYYY-MM-DD; default until withdrawn).") var until: String?

    func run() throws {
      guard let givenBy = Consent.GivenBy(rawValue: givenBy) else {
        throw CommandLineError.invalid("--given-by must be recipient or guardian")
      }
      guard let form = Consent.Form(rawValue: form) else {
        throw CommandLineError.invalid("--form must be written or oral")
      }
      let scope = SamhandService.ConsentScope(
        services: try Parse.services(services), staff: Parse.staff(staff),
        categories: try Parse.categories(categories))
      let id = try options.open().addConsent(
        recipient: RecipientID(rawValue: recipient), scope: scope, purpose: consentPurpose,
        givenBy: givenBy, form: form, documentReference: document,
        validFrom: try Parse.date(from), validUntil: try Parse.date(until),
        as: actorOptions.actor(), options: actorOptions.options)
      try options.render(Output.Created(id: id.rawValue)) { "Recorded consent \(id)." }
    }
  }

  struct Withdraw: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Withdraw a consent; it stops counting from the next request.")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var actorOptions: ActorOptions
    @Argument(help: "Consent id.") var id: String

    func run() throws {
      try options.open().withdrawConsent(
        ConsentID(rawValue: id), as: actorOptions.actor(), options: actorOptions.options)
      try options.render(Output.Created(id: id)) { "Withdrew consent \(id)." }
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List a recipient's consents.")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var actorOptions: ActorOptions
    @Option(name: .long, help: "Recipient id.") var recipient: String

    func run() throws {
      let consents = try options.open().consents(
        of: RecipientID(rawValue: recipient), as: actorOptions.actor(),
        options: actorOptions.options)
      try options.render(consents) { ConsentCommand.text(consents) }
    }
  }

  struct Expiring: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Consents you can see that end within 30 days.")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var actorOptions: ActorOptions
    @Option(name: .long, help: "Days ahead.") var days = 30

    func run() throws {
      let consents = try options.open().expiringConsents(
        within: days, as: actorOptions.actor(), options: actorOptions.options)
      try options.render(consents) { ConsentCommand.text(consents) }
    }
  }

  static func text(_ consents: [Consent]) -> String {
    consents.map { consent in
      let who = (consent.services.map(\.rawValue) + consent.staff.map(\.rawValue))
        .joined(separator: ",")
      let categories = consent.categories.map(\.rawValue).joined(separator: ",")
      let until = consent.validUntil.map { "until \($0)" } ?? "until withdrawn"
      let state = consent.withdrawnAt == nil ? "" : " WITHDRAWN"
      return
        "\(consent.id)  \(consent.recipientID)  \(who): \(categories)  from \(consent.validFrom) \(until)\(state)"
    }.joined(separator: "\n")
  }
}
