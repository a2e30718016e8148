import ArgumentParser
import Foundation
import SamhandCore
import SamhandPolicy

extension PolicyCommand {
  /// `samhand policy who-can …`: every principal in the entity file that would be allowed.
  struct WhoCan: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "who-can",
      abstract: "List the principals in the entity file allowed to take an action on a resource.",
      discussion: """
        With --data DIR --recipient ID [--category C] --as STAFF-ID --purpose TEXT instead of \
        an entity file: every staff member of the data directory allowed the action on that \
        category of the recipient's records now, audited as a look at the recipient.
        """)

    @OptionGroup var inputs: PolicyInputs

    @Option(help: "Action uid, e.g. Action::\"read\".")
    var action: String

    @OptionGroup var question: RecipientQuestion

    @Option(help: "Resource uid, e.g. Recipient::\"r1\" (not with --recipient).")
    var resource: String?

    @Option(
      help: ArgumentHelp(
        "Only principals of this entity type.",
        discussion: "Default: the action's principal types in the schema, else every entity "
          + "that is not an action."))
    var principalType: String?

    @Flag(help: "Print a JSON object {\"principals\": [uids]}.")
    var json = false

    func run() throws {
      if let recipient = question.recipient {
        let staff = try question.open(policies: inputs.policies).whoCan(
          RecipientQuestion.action(action), on: RecipientID(rawValue: recipient),
          category: InformationCategory(parsing: question.category),
          as: question.actor.actor(), options: question.actor.options)
        return try print(principals: staff.map { EntityUID(type: "Staff", id: $0.rawValue) })
      }
      guard let resource else { throw PolicyCommandError.missing("--resource UID") }
      let actionUID = try parseUID(action, option: "--action")
      let policies = try inputs.loadPolicies()
      let entities = try inputs.loadEntities(schema: policies.schema)
      let types =
        principalType.map { Set([$0]) }
        ?? policies.schema?.actions[actionUID].map { Set($0.principalTypes) }
      let candidates = entities.all.map(\.uid).filter { uid in
        types.map { $0.contains(uid.type) }
          ?? !(uid.type == "Action" || uid.type.hasSuffix("::Action"))
      }.sorted { $0.description < $1.description }
      let allowed = policies.whoCan(
        action: actionUID, resource: try parseUID(resource, option: "--resource"),
        among: candidates, entities: entities, context: try inputs.loadContext())
      try print(principals: allowed)
    }

    /// One uid a line, or with `--json` the object `{"principals": [uids]}`.
    private func print(principals allowed: [EntityUID]) throws {
      if json {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = ["principals": allowed.map(\.description)]
        Swift.print(String(decoding: try encoder.encode(body), as: UTF8.self))
      } else {
        allowed.forEach { Swift.print($0) }
      }
    }
  }
}
