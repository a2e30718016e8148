import ArgumentParser
import Foundation
import SamhandStore

/// Options every command shares: where the data lives and how to print.
struct GlobalOptions: ParsableArguments {
  @Option(
    name: .long, help: ArgumentHelp("Data directory (default: $SAMHAND_DATA).", valueName: "DIR"))
  var data: String?

  @Flag(name: .long, help: "Print machine-readable JSON.")
  var json = false

  var environment: [String: String] { ProcessInfo.processInfo.environment }

  /// The data directory from `--data` or `SAMHAND_DATA`.
  func dataDirectory() throws -> DataDirectory {
    guard let path = data ?? environment["SAMHAND_DATA"], !path.isEmpty else {
      throw CommandLineError.noDataDirectory
    }
    return DataDirectory(url: URL(fileURLWithPath: path))
  }

  /// The data directory opened: permissions checked, settings loaded, store migrated.
  func open() throws -> (directory: DataDirectory, store: SQLiteStore) {
    let directory = try dataDirectory()
    let opened = try directory.open(environment: environment)
    return (directory, opened.store)
  }

  /// Prints `value` as one line of JSON when `--json` was given, else `text()`.
  func render<Value: Encodable>(_ value: Value, text: () -> String) throws {
    if json {
      print(try Output.json(value))
    } else {
      print(text())
    }
  }
}

/// Output helpers shared by the commands.
enum Output {
  static func json<Value: Encodable>(_ value: Value) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }

  /// The OS user running the command, recorded in audit entries of CLI operator actions.
  static var osUser: String {
    if let name = getpwuid(geteuid())?.pointee.pw_name { return String(cString: name) }
    return ProcessInfo.processInfo.environment["USER"] ?? "uid-\(geteuid())"
  }

  static func hex(_ data: Data) -> String {
    data.map { String(format: "%02x", $0) }.joined()
  }
}

/// Mistakes on the command line that are not about one option's syntax.
enum CommandLineError: Error, CustomStringConvertible {
  case noDataDirectory
  case fileExists(String)

  var description: String {
    switch self {
    case .noDataDirectory: return "no data directory: pass --data DIR or set SAMHAND_DATA"
    case .fileExists(let path): return "\(path) exists; choose a new file name"
    }
  }
}
