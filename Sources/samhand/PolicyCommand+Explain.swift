import ArgumentParser
import Foundation
import SamhandPolicy

extension PolicyCommand {
  /// `samhand policy explain …`: the decision with the determining policies and, for a deny,
  /// the permits whose scope matched but whose conditions did not.
  struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Decide one request and explain why, with policy file and line.")

    @OptionGroup var inputs: PolicyInputs

    @Option(help: "Principal uid, e.g. Staff::\"s1\".")
    var principal: String

    @Option(help: "Action uid, e.g. Action::\"read\".")
    var action: String

    @Option(help: "Resource uid, e.g. Recipient::\"r1\".")
    var resource: String

    func run() throws {
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
