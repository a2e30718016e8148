import ArgumentParser
import Foundation
import SamhandPolicy

extension PolicyCommand {
  /// `samhand policy eval … --json`: prints
  /// `{"decision":"allow"|"deny","reasons":[ids],"errors":[{"policy":id,"message":text}]}`.
  struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Decide one request and print the decision, reasons and errors.")

    @OptionGroup var inputs: PolicyInputs

    @Option(help: "Principal uid, e.g. Staff::\"s1\".")
    var principal: String

    @Option(help: "Action uid, e.g. Action::\"read\".")
    var action: String

    @Option(help: "Resource uid, e.g. Recipient::\"r1\".")
    var resource: String

    @Flag(help: "Print the decision as JSON.")
    var json = false

    func run() throws {
      let request = AuthorizationRequest(
        principal: try parseUID(principal, option: "--principal"),
        action: try parseUID(action, option: "--action"),
        resource: try parseUID(resource, option: "--resource"),
        context: try inputs.loadContext())
      let policies = try inputs.loadPolicies()
      let decision = policies.isAuthorized(
        request, entities: try inputs.loadEntities(schema: policies.schema))
      if json {
        print(try DecisionJSON(decision).encoded())
      } else {
        print(
          decision.isAllowed ? "allow" : "deny",
          decision.reasons.map(\.rawValue).joined(separator: " "))
        for error in decision.errors { print("error: \(error)") }
      }
    }
  }
}
