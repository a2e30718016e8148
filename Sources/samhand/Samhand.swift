import ArgumentParser

/// The `samhand` command line: an operator's tool on the machine that holds the keys.
@main
struct Samhand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "samhand",
    abstract: "Case coordination for municipal welfare services.",
    subcommands: [
      InitCommand.self, StatusCommand.self, KeysCommand.self, AuditCommand.self,
      BackupCommand.self, PolicyCommand.self,
    ]
  )
}
