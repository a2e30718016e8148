import ArgumentParser
import Foundation
import SamhandCore
import SamhandService

/// Where the data lives and how to print: what every command takes.
struct DataOptions: ParsableArguments {
  @Option(
    name: .long, help: ArgumentHelp("Data directory (default: $SAMHAND_DATA).", valueName: "DIR"))
  var data: String?

  @Flag(name: .long, help: "Print machine-readable JSON.")
  var json = false

  var environment: [String: String] { ProcessInfo.processInfo.environment }

  /// The data directory from `--data` or `SAMHAND_DATA`.
  func dataDirectory() throws -> URL {
    try GlobalOptions.dataDirectory(data, environment: environment)
  }

  /// Prints `value` as one line of JSON when `--json` was given, else `text()`.
  func render<Value: Encodable>(_ value: Value, text: () -> String) throws {
    print(json ? try Output.json(value) : text())
  }
}

/// `DataOptions` and the policy directory: what the commands that open an installation take.
struct GlobalOptions: ParsableArguments {
  @OptionGroup var location: DataOptions

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Policy directory to use instead of DIR/policies.", valueName: "DIR"))
  var policies: String?

  var data: String? { location.data }
  var json: Bool { location.json }
  var environment: [String: String] { location.environment }

  func dataDirectory() throws -> URL { try location.dataDirectory() }

  func render<Value: Encodable>(_ value: Value, text: () -> String) throws {
    try location.render(value, text: text)
  }

  /// The data directory from `path` (a `--data` option) or `SAMHAND_DATA`.
  static func dataDirectory(_ path: String?, environment: [String: String]) throws -> URL {
    guard let path = path ?? environment["SAMHAND_DATA"], !path.isEmpty else {
      throw CommandLineError.noDataDirectory
    }
    return URL(fileURLWithPath: path)
  }

  /// The installation opened: key permissions checked, settings and policies loaded. What
  /// the command appends to the audit log is covered by a signed checkpoint when it exits.
  func open() throws -> SamhandService {
    let service = try SamhandService.open(
      dataDirectory: dataDirectory(), policies: policies.map { URL(fileURLWithPath: $0) },
      environment: environment)
    CommandCheckpoint.register(service)
    return service
  }
}

/// Who is acting, for commands that touch recipient data.
struct ActorOptions: ParsableArguments {
  @Option(
    name: .customLong("as"),
    help: ArgumentHelp("Staff id to act as (default: $SAMHAND_AS).", valueName: "STAFF-ID"))
  var staffID: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Why you need the information (tjenstlig behov); required on recipient data, none is "
        + "filled in (default: $SAMHAND_PURPOSE).", valueName: "TEXT"))
  var purpose: String?

  func actor() throws -> Actor {
    guard let id = staffID ?? ProcessInfo.processInfo.environment["SAMHAND_AS"], !id.isEmpty
    else { throw CommandLineError.noActor }
    return Actor(staffID: StaffID(rawValue: id), channel: .cli, osUser: Output.osUser)
  }

  /// The purpose from `--purpose` or `SAMHAND_PURPOSE`; without either, none (the gate then
  /// refuses recipient data and says a purpose is required).
  var options: RequestOptions {
    RequestOptions(purpose: purpose ?? ProcessInfo.processInfo.environment["SAMHAND_PURPOSE"])
  }
}

/// Mistakes on the command line that are not about one option's syntax.
enum CommandLineError: Error, CustomStringConvertible {
  case noDataDirectory
  case noActor
  case invalid(String)

  var description: String {
    switch self {
    case .noDataDirectory: return "no data directory: pass --data DIR or set SAMHAND_DATA"
    case .noActor: return "who is acting? pass --as STAFF-ID or set SAMHAND_AS"
    case .invalid(let message): return message
    }
  }
}

/// Output helpers shared by the commands.
enum Output {
  static func json<Value: Encodable>(_ value: Value) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .custom { date, encoder in
      var container = encoder.singleValueContainer()
      try container.encode(time(date))
    }
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }

  /// The OS user running the command, recorded in audit entries of CLI actions.
  static var osUser: String {
    if let name = getpwuid(geteuid())?.pointee.pw_name { return String(cString: name) }
    return ProcessInfo.processInfo.environment["USER"] ?? "uid-\(geteuid())"
  }

  static func hex(_ data: Data) -> String {
    data.map { String(format: "%02x", $0) }.joined()
  }

  static func time(_ date: Date) -> String {
    date.formatted(
      .iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: true)
        .timeSeparator(.colon).timeZone(separator: .omitted))
  }

  /// `{"id": ...}`, what a creating command prints with --json.
  struct Created: Encodable {
    let id: String
  }
}

/// Parsers for values given on the command line, with the domain's own error messages.
enum Parse {
  static func services(_ text: String) throws -> [ServiceCode] {
    try list(text).map { try ServiceCode($0) }
  }

  static func categories(_ text: String) throws -> [InformationCategory] {
    try list(text).map { try InformationCategory(parsing: $0) }
  }

  static func roles(_ text: String) throws -> [StaffRole] {
    try list(text).map { try StaffRole(parsing: $0) }
  }

  static func staff(_ text: String) -> [StaffID] {
    list(text).map(StaffID.init(rawValue:))
  }

  static func date(_ text: String?) throws -> CalendarDate? {
    try text.map { try CalendarDate(parsing: $0) }
  }

  static func list(_ text: String) -> [String] {
    text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty }
  }
}
