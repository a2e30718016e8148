import ArgumentParser
import Foundation
import SamhandCore
import SamhandPolicy

extension PolicyCommand {
  /// `samhand policy explain …`: the decision with the determining policies and, for a deny,
  /// the permits whose scope matched but whose conditions did not.
  struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Decide one request and explain why, with policy file and line.",
      discussion: """
        From an entity file (--policies DIR --entities FILE --resource UID), or about a \
        recipient of a data directory (--data DIR --recipient ID [--category C] --as STAFF-ID \
        --purpose TEXT): the latter is decided with the recipient's live facts and audited as \
        a look at the recipient, so it shows in their access log.
        """)

    @OptionGroup var inputs: PolicyInputs

    @OptionGroup var question: RecipientQuestion

    @Option(help: "Principal uid, e.g. Staff::\"s1\" (with --recipient also a staff id).")
    var principal: String

    @Option(help: "Action uid, e.g. Action::\"read\" (with --recipient also a name: view).")
    var action: String

    @Option(help: "Resource uid, e.g. Recipient::\"r1\" (not with --recipient).")
    var resource: String?

    func run() throws {
      if let recipient = question.recipient {
        let explanation = try question.open(policies: inputs.policies).explainAccess(
          of: RecipientQuestion.staff(principal), action: RecipientQuestion.action(action),
          on: RecipientID(rawValue: recipient),
          category: InformationCategory(parsing: question.category),
          as: question.actor.actor(), options: question.actor.options)
        return print(explanation.explanation)
      }
      guard let resource else { throw PolicyCommandError.missing("--resource UID") }
      let request = AuthorizationRequest(
        principal: try parseUID(principal, option: "--principal"),
        action: try parseUID(action, option: "--action"),
        resource: try parseUID(resource, option: "--resource"),
        context: try inputs.loadContext())
      let policies = try inputs.loadPolicies()
      print(policies.explain(request, entities: try inputs.loadEntities(schema: policies.schema)))
    }
  }
}
