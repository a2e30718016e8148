import ArgumentParser
import Foundation
import SamhandCore
import SamhandPolicy
import SamhandService

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
  @Option(
    help: ArgumentHelp(
      "Directory of *.cedar files (and schema.cedarschema.json); needed with --entities, and "
        + "for explain/who-can --recipient used instead of DIR/policies.", valueName: "DIR"))
  var policies: String?

  @Option(help: "Entities in Cedar's JSON entity format (explain/who-can: or --recipient).")
  var entities: String?

  @Option(help: "Context record as JSON, e.g. '{\"purpose\":\"treatment\"}'.")
  var context: String = "{}"

  func loadPolicies() throws -> PolicySet {
    guard let policies else { throw PolicyCommandError.missing("--policies DIR") }
    return try loadPolicySet(policies)
  }

  func loadEntities(schema: Schema?) throws -> Entities {
    guard let entities else { throw PolicyCommandError.missing("--entities FILE") }
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

/// A question about a recipient of a data directory (`--data DIR --recipient ID`), decided
/// with the recipient's live facts by the installation's policies. Staff ask it: it is gated
/// and audited as a look at the recipient (it shows in their access log), so it takes `--as`
/// and `--purpose` like every command on recipient data.
struct RecipientQuestion: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Data directory (default: $SAMHAND_DATA), with --recipient.", valueName: "DIR"))
  var data: String?

  @Option(
    help: ArgumentHelp(
      "A recipient of the data directory: decide with their live facts instead of an entity "
        + "file.", valueName: "ID"))
  var recipient: String?

  @Option(help: "With --recipient: the category of their records (identity, plan, ...).")
  var category: String = "identity"

  @OptionGroup var actor: ActorOptions

  /// The installation opened, with `policies` instead of `DIR/policies` when given.
  func open(policies: String?) throws -> SamhandService {
    let environment = ProcessInfo.processInfo.environment
    return try SamhandService.open(
      dataDirectory: GlobalOptions.dataDirectory(data, environment: environment),
      policies: policies.map { URL(fileURLWithPath: $0) }, environment: environment)
  }

  /// The action of `--action`: a name (`view`) or its uid (`Action::"view"`).
  static func action(_ text: String) throws -> PolicyAction {
    let name = (try? EntityUID(parsing: text)).map(\.id) ?? text
    guard let action = PolicyAction(rawValue: name) else {
      let known = PolicyAction.allCases.map(\.rawValue).joined(separator: ", ")
      throw CommandLineError.invalid("--action: must be one of \(known)")
    }
    return action
  }

  /// The staff member of `--principal`: an id (`siri.fjell`) or its uid (`Staff::"siri.fjell"`).
  static func staff(_ text: String) -> StaffID {
    StaffID(rawValue: (try? EntityUID(parsing: text)).map(\.id) ?? text)
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
