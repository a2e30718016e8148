import ArgumentParser
import Foundation
import SamhandPolicy

/// `samhand policy …`: check, evaluate and explain the per-service Cedar policies.
struct PolicyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "policy",
    abstract: "Validate, evaluate and explain access policies (Cedar).",
    subcommands: [Validate.self, Eval.self, Explain.self, WhoCan.self]
  )
}

/// The inputs every deciding subcommand shares.
struct PolicyInputs: ParsableArguments {
  @Option(help: "Directory of *.cedar files (and schema.cedarschema.json).")
  var policies: String

  @Option(help: "Entities in Cedar's JSON entity format.")
  var entities: String

  @Option(help: "Context record as JSON, e.g. '{\"purpose\":\"treatment\"}'.")
  var context: String = "{}"

  func loadPolicies() throws -> PolicySet {
    try loadPolicySet(policies)
  }

  func loadEntities(schema: Schema?) throws -> Entities {
    guard let data = FileManager.default.contents(atPath: entities) else {
      throw PolicyCommandError.unreadableEntities(path: entities)
    }
    do {
      return try Entities(json: data, schema: schema)
    } catch {
      throw PolicyCommandError.entities(path: entities, error)
    }
  }

  func loadContext() throws -> [String: CedarValue] {
    do {
      return try CedarValue.record(json: Data(context.utf8))
    } catch {
      throw PolicyCommandError.context(error)
    }
  }
}

/// Reads a command-line uid such as `Staff::"s1"`.
func parseUID(_ text: String, option: String) throws -> EntityUID {
  do {
    return try EntityUID(parsing: text)
  } catch {
    throw PolicyCommandError.uid(option: option, error)
  }
}

/// Loads a policy directory; any problem refuses the whole set.
func loadPolicySet(_ directory: String) throws -> PolicySet {
  do {
    return try PolicySet.load(directory: URL(fileURLWithPath: directory))
  } catch {
    throw PolicyCommandError.policies(error)
  }
}
