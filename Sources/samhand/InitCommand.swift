import ArgumentParser
import SamhandStore

struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Create a new data directory: database, keys (0600) and settings.",
    discussion: "Refuses a directory that exists and is not empty.")

  @OptionGroup var options: GlobalOptions

  func run() throws {
    let directory = try options.dataDirectory()
    let store = try directory.initialize(by: .operator(osUser: Output.osUser))
    let counts = try store.read { try $0.counts() }
    struct Created: Encodable {
      let data: String
      let schemaVersion: Int
    }
    try options.render(Created(data: directory.url.path, schemaVersion: counts.schemaVersion)) {
      """
      Initialised \(directory.url.path) (schema version \(counts.schemaVersion)).
      Keys are in \(directory.keysURL.path); back them up apart from the database.
      """
    }
  }
}
