import ArgumentParser
import Foundation
import SamhandPolicy

extension PolicyCommand {
  /// `samhand policy validate --policies DIR`: exit 0 when the set loads, else one error line.
  struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Parse and validate a policy directory against its schema.")

    @Option(help: "Directory of *.cedar files (and schema.cedarschema.json).")
    var policies: String

    @Flag(help: "Print the result as JSON.")
    var json = false

    func run() throws {
      let set = try loadPolicySet(policies)
      let schemaNote = set.schema == nil ? "no schema" : "validated against the schema"
      if json {
        print("{\"valid\":true,\"policies\":\(set.policies.count)}")
      } else {
        print("\(set.policies.count) policies OK (\(schemaNote))")
      }
    }
  }
}
