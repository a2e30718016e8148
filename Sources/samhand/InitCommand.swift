import ArgumentParser
import SamhandService

struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Create a new data directory: database, keys (0600), settings, default policies.",
    discussion: """
      Refuses a directory that exists and is not empty. Without --database the database is \
      samhand.db in the data directory (SQLite).
      """)

  @OptionGroup var options: GlobalOptions

  @Option(
    help: ArgumentHelp(
      "A PostgreSQL database to create the schema in, written to samhand.conf as 'database'.",
      valueName: "postgres://USER@HOST:PORT/NAME"))
  var database: String = ""

  func run() throws {
    let service = try SamhandService.initialize(
      dataDirectory: options.dataDirectory(), by: Output.osUser, database: database)
    let status = try service.status()
    struct Created: Encodable {
      let data: String
      let schemaVersion: Int
    }
    try options.render(Created(data: status.data, schemaVersion: status.counts.schemaVersion)) {
      """
      Initialised \(status.data) (schema version \(status.counts.schemaVersion)).
      Keys are in \(status.data)/keys; back them up apart from the database.
      Policies are in \(status.data)/policies; edit them there.
      """
    }
  }
}
